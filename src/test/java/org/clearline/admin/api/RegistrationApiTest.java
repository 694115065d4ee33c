package org.clearline.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API against a running SIP stack: what it changes is in force for phones
 * within a poll of the store, and {@code /registrations} shows the live bindings.
 */
class RegistrationApiTest {
    @TempDir Path dir;
    ApiHarness api;
    TestPhone phone;

    @BeforeEach
    void start() throws Exception {
        api = new ApiHarness(dir);
        phone = new TestPhone(api.sipPort(), "carol");
    }

    @AfterEach
    void stop() {
        if (phone != null) phone.close();
        if (api != null) api.close();
    }

    /** The stack reloads accounts when the store version moves, polled every second. */
    private static ConditionFactory soon() {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200));
    }

    @Test
    void accountChangesThroughTheApiReachTheRegistrar() {
        assertThat(api.post("/accounts", "{\"sipId\": \"carol\", \"password\": \"one\"}").status()).isEqualTo(201);
        soon().until(() -> phone.register("one") == 200);

        assertThat(api.patch("/accounts/carol", "{\"password\": \"two\"}").status()).isEqualTo(200);
        soon().until(() -> phone.register("two") == 200);
        assertThat(phone.register("one")).as("the old password").isEqualTo(401);

        assertThat(api.patch("/accounts/carol", "{\"enabled\": false}").status()).isEqualTo(200);
        soon().until(() -> phone.register("two") == 403);
        soon().until(() -> api.get("/registration-attempts?account=carol&failed=true").json().path("attempts")
                .findValuesAsText("situation").contains("auth.account-disabled"));
    }

    @Test
    void liveBindingsAreListedPerAccountAndInTheStatusAndGoWithTheAccount() {
        api.post("/accounts", "{\"sipId\": \"carol\", \"password\": \"one\"}");
        api.post("/accounts", "{\"sipId\": \"dave\", \"password\": \"d\"}");
        soon().until(() -> phone.register("one") == 200);

        JsonNode bindings = api.get("/registrations?account=carol").json().path("registrations");
        assertThat(bindings).hasSize(1);
        JsonNode b = bindings.get(0);
        assertThat(b.path("sipId").asText()).isEqualTo("carol");
        assertThat(b.path("contact").asText()).isEqualTo("sip:carol@127.0.0.1:" + phone.port());
        assertThat(b.path("source").asText()).isEqualTo("udp:127.0.0.1:" + phone.port());
        assertThat(b.path("transport").asText()).isEqualTo("udp");
        assertThat(b.path("userAgent").asText()).isEqualTo(TestPhone.USER_AGENT);
        assertThat(b.path("expiresInSeconds").asLong()).isBetween(550L, 600L);
        assertThat(b.path("expiresAt").asText()).endsWith("Z");
        assertThat(api.get("/registrations?account=dave").json().path("registrations")).isEmpty();
        assertThat(api.get("/registrations").json().path("registrations").findValuesAsText("sipId"))
                .containsExactly("carol");
        assertThat(api.get("/accounts/carol").json().path("registrations").get(0)).isEqualTo(b);
        assertThat(api.get("/accounts").json().path("accounts").findValues("registrations"))
                .extracting(JsonNode::asInt).containsExactly(1, 0);

        JsonNode counts = api.get("/status").json().path("counts");
        assertThat(counts.path("bindings").asInt()).isEqualTo(1);
        assertThat(counts.path("registeredAccounts").asInt()).isEqualTo(1);
        soon().until(() -> api.get("/status").json().path("counts").path("accounts").asInt() == 2);

        assertThat(api.delete("/accounts/carol").status()).isEqualTo(204);
        assertThat(api.get("/registrations").json().path("registrations")).isEmpty();
        assertThat(api.get("/status").json().path("counts").path("bindings").asInt()).isZero();
        assertThat(api.store.registrations().loadAll()).isEmpty();
        soon().until(() -> phone.register("one") == 401);
    }

    @Test
    void theAccountFilterIsCheckedLikeAnyOtherSipId() {
        assertThat(api.get("/registrations?account=zed").error(404, "account")).isEqualTo("account 'zed' does not exist");
        assertThat(api.get("/registrations?account=a%20b").error(400, "account")).startsWith("SIP ID 'a b'");
        assertThat(api.get("/registrations?acount=zed").error(400, "acount"))
                .isEqualTo("unknown query parameter 'acount' (known here: account)");
    }
}
