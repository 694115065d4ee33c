package org.clearline.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.clearline.admin.api.ApiHarness.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /numbers}: list, look up, assign, move and take away E.164 numbers. */
class NumberApiTest extends OneServerPerClass {

    @BeforeAll
    void start() throws Exception {
        api.post("/accounts", "{\"sipId\": \"alice\", \"password\": \"a\", \"numbers\": [\"+493012345001\"]}");
        api.post("/accounts", "{\"sipId\": \"bob\", \"password\": \"b\"}");
    }

    @Test
    void numbersAreAssignedMovedListedAndTakenAway() {
        Response assigned = api.put("/numbers/+493012345020", "{\"sipId\": \"bob\"}");
        assertThat(assigned.status()).as("a free number").isEqualTo(201);
        assertThat(assigned.body()).isEqualTo("{\"number\":\"+493012345020\",\"sipId\":\"bob\"}");
        assertThat(api.store.numbers().owner("+493012345020")).contains("bob");

        Response moved = api.put("/numbers/%2B493012345020", "{\"sipId\": \"alice\"}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body()).isEqualTo("{\"number\":\"+493012345020\",\"sipId\":\"alice\",\"previousSipId\":\"bob\"}");
        assertThat(api.put("/numbers/+493012345020", "{\"sipId\": \"alice\"}").body())
                .as("assigning again changes nothing").isEqualTo("{\"number\":\"+493012345020\",\"sipId\":\"alice\"}");

        assertThat(api.get("/numbers/+493012345020").body()).isEqualTo("{\"number\":\"+493012345020\",\"sipId\":\"alice\"}");
        assertThat(api.get("/numbers").json().path("numbers").toString()).contains(
                "{\"number\":\"+493012345001\",\"sipId\":\"alice\"}", "{\"number\":\"+493012345020\",\"sipId\":\"alice\"}");
        assertThat(api.get("/accounts/alice").json().path("numbers").toString())
                .isEqualTo("[\"+493012345001\",\"+493012345020\"]");

        Response removed = api.delete("/numbers/+493012345020");
        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.store.numbers().owner("+493012345020")).isEmpty();
        assertThat(api.get("/numbers/+493012345020").error(404, "number")).isEqualTo("number +493012345020 is not assigned");
        assertThat(api.delete("/numbers/+493012345020").error(404, "number")).isEqualTo("number +493012345020 is not assigned");
    }

    @Test
    void badNumbersUnknownAccountsAndBadBodiesNameTheirField() {
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            String body = method.equals("PUT") ? "{\"sipId\": \"bob\"}" : null;
            assertThat(api.send(method, "/numbers/030123", body, true).error(400, "number"))
                    .isEqualTo("number '030123' is not E.164: expected '+' and 1 to 15 digits, e.g. +493012345001");
        }
        assertThat(api.put("/numbers/+493012345030", "{\"sipId\": \"zed\"}").error(404, "sipId"))
                .isEqualTo("account 'zed' does not exist");
        assertThat(api.put("/numbers/+493012345030", "{}").error(400, "sipId")).isEqualTo("SIP ID must not be empty");
        assertThat(api.put("/numbers/+493012345030", "{\"sipId\": 7}").error(400, "sipId")).isEqualTo("sipId must be a string");
        assertThat(api.put("/numbers/+493012345030", "{\"sipId\": \"bob\", \"owner\": \"bob\"}").error(400, "owner"))
                .isEqualTo("unknown field \"owner\"");
        assertThat(api.put("/numbers/+493012345030", "").error(400, null)).isEqualTo("the request needs a JSON body");
        assertThat(api.store.numbers().owner("+493012345030")).isEmpty();
    }
}
