package org.clearline.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearline.core.LocalIdentity;
import org.clearline.core.directory.CachedDirectory;
import org.clearline.core.location.LocationService;
import org.clearline.core.routing.Target;
import org.clearline.store.Account;
import org.clearline.store.LineSettings;
import org.clearline.store.LineSettings.Destination;
import org.clearline.store.LineSettings.ForwardMode;
import org.clearline.store.NumberStore.NumberAssignment;
import org.clearline.store.Registration;
import org.clearline.transport.ListeningPoint;
import org.clearline.transport.TransportProtocol;

/**
 * The provider of issue 4 without sockets: the demo lines and trunks in a
 * {@link CachedDirectory}, phones in a {@link LocationService}, and the routing
 * chain built by {@link FeatureChain} over them. Tests change lines, add phones
 * and trunks, then ask {@link #invite} what happens to a call.
 */
final class Provider {
    static final String DOMAIN = "demo.clearline.test";
    /** The server's own address, which also means the domain. */
    static final String SERVER = "192.0.2.1";
    /** 2026-01-01T00:00:00Z, the "now" of every routing decision. */
    static final long NOW = 1_767_225_600_000L;
    static final List<String> PREMIUM = List.of("+49900", "+49137", "+49180");

    final Map<String, Account> accounts = new LinkedHashMap<>();
    final List<NumberAssignment> numbers = new ArrayList<>();
    final Map<String, LineSettings> lines = new HashMap<>();
    final List<Trunk> trunks = new ArrayList<>();
    final LocationService location = new LocationService();
    final ActiveCalls calls = new ActiveCalls();
    final LocalIdentity identity = new LocalIdentity(DOMAIN, List.of(),
            List.of(new ListeningPoint(TransportProtocol.UDP, SERVER, 5060)));
    int maxForwardDepth = 5;

    private Provider() {}

    /** Lines and trunks exactly as the demo provisioning of issue 4; every line but ken has one phone. */
    static Provider demo() {
        Provider p = new Provider();
        p.account("alice", "+493012345001", Line.plain().mayCall(Destination.LOCAL, Destination.NATIONAL));
        p.account("bob", "+493012345002", Line.plain());
        p.account("carol", "+493012345003", Line.plain().dnd());
        p.account("dave", "+493012345004", Line.plain().maxCalls(1));
        p.account("erin", "+493012345005", Line.plain().always("+493012345002", ForwardMode.REDIRECT_PERMANENT));
        p.account("frank", "+493012345006", Line.plain().always("+493012345002", ForwardMode.REDIRECT_TEMPORARY));
        p.account("grace", "+493012345007", Line.plain().always("+493012345008", ForwardMode.FOLLOW));
        p.account("heidi", "+493012345008", Line.plain().always("+493012345007", ForwardMode.FOLLOW));
        p.account("ivan", "+493012345009", Line.plain().reject("+493012345001"));
        p.account("judy", "+493012345010", Line.plain().codecs("G722"));
        p.account("ken", "+493012345011", Line.plain());
        p.account("peggy", "+493012345012", Line.plain());
        for (String sipId : p.accounts.keySet()) {
            if (!sipId.equals("ken")) p.register(sipId, phone(sipId, 1));
        }
        p.trunk("carrier", "127.0.0.1", 5080, TransportProtocol.UDP, "+4989");
        p.trunk("broken", "127.0.0.1", 5081, TransportProtocol.TCP, "+4940");
        p.trunk("garbled", "127.0.0.1", 5082, TransportProtocol.UDP, "+4969");
        return p;
    }

    /** Contact of phone {@code n} of a line: "sip:bob@192.0.2.52:5060" style addresses, one host per line and phone. */
    static String phone(String sipId, int n) {
        return "sip:" + sipId + "@198.51.100." + (10 * n + Math.abs(sipId.hashCode() % 10)) + ":5060";
    }

    Provider account(String sipId, String number, Line line) {
        accounts.put(sipId, new Account(sipId, sipId, "00".repeat(16), "00".repeat(32), true));
        if (number != null) numbers.add(new NumberAssignment(number, sipId));
        lines.put(sipId, line.settings());
        return this;
    }

    /** Replaces the features of an existing line. */
    Provider line(String sipId, Line line) {
        if (!accounts.containsKey(sipId)) throw new IllegalArgumentException("no account " + sipId);
        lines.put(sipId, line.settings());
        return this;
    }

    Provider register(String sipId, String contact) {
        return register(sipId, contact, "", 1.0);
    }

    Provider register(String sipId, String contact, String path, double q) {
        List<Registration> all = new ArrayList<>(location.bindings(sipId));
        all.add(new Registration(sipId, contact, "reg-" + sipId + "-" + all.size(), 1, NOW + 3_600_000, NOW - 60_000,
                q, path, "udp:198.51.100.1:5060", "test phone"));
        location.replace(sipId, all);
        return this;
    }

    /** Takes every phone of the line off the location table. */
    Provider unregister(String sipId) {
        location.replace(sipId, List.of());
        return this;
    }

    Provider trunk(String name, String host, int port, TransportProtocol transport, String... prefixes) {
        trunks.add(new Trunk(name, host, port, transport, null, List.of(prefixes)));
        return this;
    }

    Provider trunk(Trunk t) {
        trunks.add(t);
        return this;
    }

    Account accountOf(String sipId) {
        return accounts.get(sipId);
    }

    CachedDirectory directory() {
        CachedDirectory d = new CachedDirectory(() -> List.copyOf(accounts.values()), () -> List.copyOf(numbers),
                () -> Map.copyOf(lines));
        d.reload();
        return d;
    }

    /** The chain over the provider as it is now (later changes need a new chain). */
    RoutingChain chain() {
        return FeatureChain.build(identity, directory(), location, new DialPlan("49", "30"),
                new Destinations("49", "30", PREMIUM), new TrunkRouter(trunks), calls, maxForwardDepth);
    }

    /** An INVITE to {@code requestUri}; see {@link Invite} for who sends it. */
    Invite invite(String requestUri) {
        return new Invite(this, "INVITE", requestUri);
    }

    Invite request(String method, String requestUri) {
        return new Invite(this, method, requestUri);
    }

    /** The fork target a registered phone of ours becomes (no Path, no forwards passed). */
    static Target phoneTarget(String sipId, int n) {
        return new Target(org.clearline.syntax.Uri.parse(phone(sipId, n)), List.of(), sipId + ": phone " + n,
                List.of(), null, Target.Kind.CONTACT);
    }
}
