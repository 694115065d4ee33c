package org.clearline.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.transaction.Harness.ALICE_UDP;
import static org.clearline.transaction.Harness.BOB_UDP;

import java.util.UUID;
import org.clearline.syntax.ParseError;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.Responses;
import org.clearline.time.ManualScheduler;
import org.clearline.transport.Malformed;
import org.junit.jupiter.api.Test;

/** Every message of a call lands on the shard of its Call-ID; the shards share the load. */
class ShardingTest {
    private static final int SHARDS = 8;

    private final Harness h = new Harness(SHARDS);

    @Test
    void everyMessageOfACallIsHandledOnTheShardOfItsCallId() {
        String call = "affinity-1@192.0.2.10";
        ManualScheduler home = (ManualScheduler) h.layer.shardFor(call);

        h.deliver(Sip.fromAlice("INVITE", "z9hG4bK-a1", call), ALICE_UDP);
        h.deliver(Sip.fromAlice("INVITE", "z9hG4bK-a1", call), ALICE_UDP);
        h.deliver(Sip.fromAlice("CANCEL", "z9hG4bK-a1", call), ALICE_UDP);
        ServerTransaction invite = h.tu.requests.get(0);
        assertThat(invite.scheduler()).isSameAs(home);
        assertThat(h.layer.findInviteFor(h.tu.last().request())).isSameAs(invite);
        invite.respond(Responses.create(invite.request(), 487, "Request Terminated", "t"));
        h.deliver(Sip.fromAlice("ACK", "UDP", "z9hG4bK-a1", call, "314159", "t"), ALICE_UDP);
        h.layer.sendRequest(Sip.toBob("INVITE", "UDP", "z9hG4bK-b1", call), BOB_UDP, h.new ClientEvents());
        h.deliver(Sip.fromBob("180 Ringing", "UDP", "z9hG4bK-b1", call, "INVITE", "b"), BOB_UDP);
        h.deliver(Sip.fromBob("200 OK", "UDP", "z9hG4bK-unknown", call, "INVITE", "b"), BOB_UDP); // stray
        h.transport.deliver(new Malformed(new ParseResult.Failure(ParseError.BAD_HEADER, "To", "bad",
                Sip.parse(Sip.fromAlice("BYE", "z9hG4bK-a9", call))), ALICE_UDP, h.transport.listeningPoints().get(0), 0));
        h.runPending();

        // one task per delivered message, and one that lets go of the INVITE after its 487 (§17.2.1)
        assertThat(home.executedTasks()).isEqualTo(8);
        for (ManualScheduler other : h.shards) {
            if (other == home) continue;
            assertThat(other.executedTasks()).as(other.toString()).isZero();
            assertThat(other.scheduledTimers()).as(other.toString()).isZero();
        }
        assertThat(home.scheduledTimers()).isPositive();
        assertThat(h.tu.strays).hasSize(1);
        assertThat(h.tu.malformed).hasSize(1);
    }

    @Test
    void aMalformedMessageWithoutCallIdGoesToShardZero() {
        h.transport.deliver(new Malformed(new ParseResult.Failure(ParseError.GARBAGE, null, "not SIP", null),
                ALICE_UDP, h.transport.listeningPoints().get(0), 7));
        h.runPending();

        assertThat(h.shards.get(0).executedTasks()).isEqualTo(1);
        assertThat(h.tu.malformed).hasSize(1);
    }

    @Test
    void callIdsSpreadEvenlyOverTheShards() {
        int[] sequential = new int[SHARDS];
        int[] random = new int[SHARDS];
        int calls = 16_000;
        for (int i = 0; i < calls; i++) {
            sequential[ShardedTransactionLayer.shardIndex(i + "@192.0.2.10", SHARDS)]++;
            random[ShardedTransactionLayer.shardIndex(UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8)})
                    + "@pbx.example.com", SHARDS)]++;
        }
        int expected = calls / SHARDS;
        for (int s = 0; s < SHARDS; s++) {
            assertThat(sequential[s]).as("sequential ids on shard " + s).isBetween(expected * 9 / 10, expected * 11 / 10);
            assertThat(random[s]).as("random ids on shard " + s).isBetween(expected * 9 / 10, expected * 11 / 10);
        }
    }

    @Test
    void shardForIsStableAndShardIndexStaysInRange() {
        assertThat(h.layer.shardFor("abc@host")).isSameAs(h.layer.shardFor("abc@host"));
        for (int n = 1; n <= 16; n++) {
            for (int i = 0; i < 1000; i++) {
                assertThat(ShardedTransactionLayer.shardIndex("call-" + i, n)).isBetween(0, n - 1);
            }
        }
        assertThat(ShardedTransactionLayer.shardIndex(null, 8)).isZero();
    }

    @Test
    void activeTransactionsCountsOverAllShardsAndReturnsToZero() {
        h.tu.onEachRequest = tx -> tx.respond(Responses.create(tx.request(), 200, "OK", "t"));
        for (int i = 0; i < 40; i++) {
            String call = "load-" + i + "@192.0.2.10";
            h.deliver(Sip.fromAlice("OPTIONS", "z9hG4bK-o" + i, call), ALICE_UDP);
            h.deliver(Sip.fromAlice("INVITE", "z9hG4bK-i" + i, call), ALICE_UDP);
            h.layer.sendRequest(Sip.toBob("BYE", "UDP", "z9hG4bK-c" + i, call), BOB_UDP, h.new ClientEvents());
        }
        assertThat(h.layer.activeTransactions()).isEqualTo(120);
        assertThat(h.shards).allMatch(s -> s.executedTasks() > 0);

        h.advanceSeconds(64);

        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).isZero();
    }
}
