package org.clearline.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.clearline.admin.api.ApiHarness.Response;
import org.clearline.store.Account;
import org.clearline.store.Ha1;
import org.junit.jupiter.api.Test;

/** {@code /accounts}: create, list, show, change, remove; each refusal names its field. */
class AccountApiTest extends OneServerPerClass {

    @Test
    void anAccountIsCreatedListedShownChangedAndRemoved() {
        Response created = api.post("/accounts", """
                {"sipId": "alice", "password": "secret-a", "displayName": "Alice Liddell",
                 "numbers": ["+493012345001", "+493012345011"]}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/accounts/alice");
        assertThat(created.json().path("sipId").asText()).isEqualTo("alice");
        assertThat(created.json().path("enabled").asBoolean()).isTrue();
        assertThat(created.json().path("numbers").toString()).isEqualTo("[\"+493012345001\",\"+493012345011\"]");
        assertThat(created.json().path("registrations").isEmpty()).isTrue();
        assertThat(created.json().path("line").path("maxCalls").asInt()).isZero();
        Ha1 ha1 = Ha1.of("alice", ApiHarness.DOMAIN, "secret-a");
        assertThat(api.store.accounts().find("alice")).contains(
                new Account("alice", "Alice Liddell", ha1.md5(), ha1.sha256(), true));

        Response list = api.get("/accounts");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("accounts").findValuesAsText("sipId")).contains("alice");
        assertThat(list.json().path("accounts").get(indexOf(list, "alice")).toString()).isEqualTo(
                "{\"sipId\":\"alice\",\"displayName\":\"Alice Liddell\",\"enabled\":true,"
                        + "\"numbers\":[\"+493012345001\",\"+493012345011\"],\"registrations\":0}");

        Response changed = api.patch("/accounts/alice", "{\"displayName\": \"Alice\", \"enabled\": false}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("displayName").asText()).isEqualTo("Alice");
        assertThat(changed.json().path("enabled").asBoolean()).isFalse();
        assertThat(api.store.accounts().find("alice").orElseThrow().ha1Md5()).as("password kept").isEqualTo(ha1.md5());

        assertThat(api.patch("/accounts/alice", "{\"password\": \"new-a\"}").status()).isEqualTo(200);
        assertThat(api.store.accounts().find("alice").orElseThrow().ha1Sha256())
                .isEqualTo(Ha1.of("alice", ApiHarness.DOMAIN, "new-a").sha256());
        assertThat(api.get("/accounts/alice").json().path("displayName").asText()).isEqualTo("Alice");

        Response removed = api.delete("/accounts/alice");
        assertThat(removed.status()).isEqualTo(204);
        assertThat(removed.body()).isEmpty();
        assertThat(api.store.accounts().find("alice")).isEmpty();
        assertThat(api.store.numbers().owner("+493012345001")).isEmpty();
        assertThat(api.get("/accounts/alice").error(404, "sipId")).isEqualTo("account 'alice' does not exist");
    }

    private static int indexOf(Response list, String sipId) {
        return list.json().path("accounts").findValuesAsText("sipId").indexOf(sipId);
    }

    @Test
    void aDisabledAccountAndDefaultsCanBeGivenAtCreation() {
        Response r = api.post("/accounts", "{\"sipId\": \"dora\", \"password\": \"d\", \"enabled\": false}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("enabled").asBoolean()).isFalse();
        assertThat(r.json().path("displayName").asText()).isEmpty();
        assertThat(r.json().path("numbers").isEmpty()).isTrue();
    }

    @Test
    void creationRefusesBadInputNamingTheFieldAndWritesNothing() {
        assertThat(api.post("/accounts", "{\"sipId\": \"al ice\", \"password\": \"x\"}").error(400, "sipId"))
                .isEqualTo("SIP ID 'al ice' may only contain letters, digits and - _ . ! ~ * ' ( ) & = + $ , ; ? /");
        assertThat(api.post("/accounts", "{\"password\": \"x\"}").error(400, "sipId")).isEqualTo("SIP ID must not be empty");
        assertThat(api.post("/accounts", "{\"sipId\": \"ann\", \"password\": \"x\", \"numbers\": [\"+493012345021\", \"030123\"]}")
                .error(400, "numbers[1]")).contains("'030123' is not E.164");
        assertThat(api.post("/accounts", "{\"sipId\": \"ann\", \"password\": \"x\", \"colour\": \"red\"}")
                .error(400, "colour")).isEqualTo("unknown field \"colour\"");
        assertThat(api.post("/accounts", "{\"sipId\": \"ann\", \"password\": \"x\", \"enabled\": \"yes\"}")
                .error(400, "enabled")).isEqualTo("enabled must be true or false");
        assertThat(api.post("/accounts", "{\"sipId\": \"ann\", \"password\": \"x\", \"enabled\": \"true\"}")
                .error(400, "enabled")).isEqualTo("enabled must be true or false");
        assertThat(api.post("/accounts", "{\"sipId\": 42, \"password\": \"x\"}").error(400, "sipId"))
                .isEqualTo("sipId must be a string");
        assertThat(api.post("/accounts", "{\"sipId\": \"ann\", \"password\": \"x\", \"numbers\": \"+493012345021\"}")
                .error(400, "numbers")).isEqualTo("numbers must be a list");
        assertThat(api.post("/accounts", "{\"sipId\": \"ann\", \"password\": \"x\", \"numbers\": [5]}")
                .error(400, "numbers[0]")).isEqualTo("numbers[0] must be a string");
        assertThat(api.post("/accounts", "{\"sipId\": \"ann\"}").error(400, "password"))
                .isEqualTo("the password must not be empty");
        assertThat(api.post("/accounts", "{\"sipId\": \"ann\", \"password\": \"x\", \"displayName\": \"a\\nb\"}")
                .error(400, "displayName")).contains("control characters");
        assertThat(api.post("/accounts", "").error(400, null)).isEqualTo("the request needs a JSON body");
        assertThat(api.post("/accounts", "{\"sipId\": ").error(400, null)).startsWith("the body is not valid JSON");
        assertThat(api.post("/accounts", "[]").error(400, null)).isEqualTo("the body must be an object");
        assertThat(api.store.accounts().find("ann")).isEmpty();
    }

    @Test
    void duplicatesAreConflictsAndWriteNothing() {
        assertThat(api.post("/accounts", "{\"sipId\": \"bob\", \"password\": \"b\", \"numbers\": [\"+493012345002\"]}")
                .status()).isEqualTo(201);
        assertThat(api.post("/accounts", "{\"sipId\": \"bob\", \"password\": \"x\"}").error(409, "sipId"))
                .isEqualTo("account 'bob' already exists");
        assertThat(api.post("/accounts", "{\"sipId\": \"carl\", \"password\": \"x\", \"numbers\": [\"+493012345002\"]}")
                .error(409, "numbers[0]")).isEqualTo("number +493012345002 already belongs to bob");
        assertThat(api.post("/accounts", "{\"sipId\": \"carl\", \"password\": \"x\", "
                + "\"numbers\": [\"+493012345003\", \"+493012345003\"]}").error(400, "numbers[1]"))
                .isEqualTo("number +493012345003 is given twice");
        assertThat(api.store.accounts().find("carl")).isEmpty();
        assertThat(api.store.numbers().owner("+493012345003")).isEmpty();
    }

    @Test
    void changesRefuseBadInputNamingTheField() {
        api.post("/accounts", "{\"sipId\": \"erin\", \"password\": \"e\"}");
        Account before = api.store.accounts().find("erin").orElseThrow();
        assertThat(api.patch("/accounts/erin", "{}").error(400, null))
                .isEqualTo("give at least one of password, displayName, enabled");
        assertThat(api.patch("/accounts/erin", "{\"password\": \"\"}").error(400, "password"))
                .isEqualTo("the password must not be empty");
        assertThat(api.patch("/accounts/erin", "{\"enabled\": 1}").error(400, "enabled"))
                .isEqualTo("enabled must be true or false");
        assertThat(api.patch("/accounts/erin", "{\"sipId\": \"other\"}").error(400, "sipId"))
                .isEqualTo("unknown field \"sipId\"");
        assertThat(api.patch("/accounts/erin", "{\"displayName\": \"" + "x".repeat(101) + "\"}")
                .error(400, "displayName")).isEqualTo("the display name is longer than 100 characters");
        assertThat(api.store.accounts().find("erin")).contains(before);
    }

    @Test
    void unknownAndMalformedAccountsAre404And400() {
        for (String method : new String[] {"GET", "PATCH", "DELETE"}) {
            String body = method.equals("PATCH") ? "{\"enabled\": true}" : null;
            assertThat(api.send(method, "/accounts/zed", body, true).error(404, "sipId"))
                    .isEqualTo("account 'zed' does not exist");
            assertThat(api.send(method, "/accounts/z%20d", body, true).error(400, "sipId"))
                    .startsWith("SIP ID 'z d' may only contain");
        }
        assertThat(api.get("/accounts/" + "a".repeat(65)).error(400, "sipId")).contains("longer than 64");
    }

    @Test
    void aJsonBodyIsReadWhateverItsDeclaredType() {
        // curl -d sends application/x-www-form-urlencoded; the body is JSON all the same
        api.post("/accounts", "{\"sipId\": \"fay\", \"password\": \"f\"}");
        Response r = api.sendTyped("PATCH", "/accounts/fay", "{\"displayName\": \"Fay\"}",
                "application/x-www-form-urlencoded");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("displayName").asText()).isEqualTo("Fay");
    }

    @Test
    void unknownQueryParametersAreRefused() {
        assertThat(api.get("/accounts?enabled=true").error(400, "enabled"))
                .isEqualTo("unknown query parameter 'enabled'; this path takes none");
    }
}
