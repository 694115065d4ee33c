package org.clearline.admin.accounts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.clearline.admin.Refusal;
import org.clearline.store.Account;
import org.clearline.store.AccountStore;
import org.clearline.store.E164;
import org.clearline.store.Ha1;
import org.clearline.store.JdbcStore;
import org.clearline.store.LineSettings;
import org.clearline.store.NumberStore.NumberAssignment;
import org.clearline.store.Registration;
import org.clearline.store.SipIds;

/**
 * Creating, changing and removing accounts and their lines, with the rules and
 * one-line messages the CLI and the REST API share. Every change goes to the
 * store, whose version a running server polls, so it takes effect there within
 * a second. Blocking JDBC: call from a CLI or HTTP thread, never a SIP shard.
 */
public final class AccountService {
    /** Longest display name; listings and From display names stay readable. */
    public static final int MAX_DISPLAY_NAME = 100;

    private final JdbcStore store;
    private final Bindings bindings;

    public AccountService(JdbcStore store, Bindings bindings) {
        this.store = store;
        this.bindings = bindings;
    }

    /** A new account as asked for; {@code numbers} are assigned to it. */
    public record NewAccount(String sipId, String displayName, List<String> numbers, boolean enabled) {
        public NewAccount {
            displayName = displayName == null ? "" : displayName;
            numbers = numbers == null ? List.of() : List.copyOf(numbers);
        }
    }

    /** One row of the account list. */
    public record Summary(Account account, List<String> numbers, int registrations) {}

    /** One account with everything that hangs off it. */
    public record Detail(Account account, List<String> numbers, List<Registration> registrations, LineSettings line) {}

    /** The account, or a refusal: a malformed ID is invalid, an unknown one not found. */
    public Account require(String sipId) {
        return require(store.accounts(), sipId);
    }

    static Account require(AccountStore accounts, String sipId) {
        SipIds.problem(sipId).ifPresent(p -> { throw Refusal.invalid("sipId", p); });
        return accounts.find(sipId).orElseThrow(
                () -> Refusal.notFound("sipId", "account '" + sipId + "' does not exist"));
    }

    public List<Summary> list() {
        Map<String, List<String>> numbers = new HashMap<>();
        for (NumberAssignment a : store.numbers().list()) {
            numbers.computeIfAbsent(a.sipId(), k -> new java.util.ArrayList<>()).add(a.number());
        }
        Map<String, Integer> registered = new HashMap<>();
        for (Registration r : bindings.all()) registered.merge(r.sipId(), 1, Integer::sum);
        return store.accounts().list().stream().map(a -> new Summary(a, numbers.getOrDefault(a.sipId(), List.of()),
                registered.getOrDefault(a.sipId(), 0))).toList();
    }

    public Detail show(String sipId) {
        Account account = require(sipId);
        return new Detail(account, store.numbers().numbersOf(sipId), bindings.of(sipId), store.lines().get(sipId));
    }

    /**
     * Creates an account and assigns its numbers. Everything is checked before
     * anything is written, and the password ({@code ha1}) is asked for last.
     */
    public Account add(NewAccount spec, Supplier<Ha1> ha1) {
        SipIds.problem(spec.sipId()).ifPresent(p -> { throw Refusal.invalid("sipId", p); });
        checkDisplayName(spec.displayName());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < spec.numbers().size(); i++) {
            String number = spec.numbers().get(i);
            String field = "numbers[" + i + "]";
            E164.problem(number).ifPresent(p -> { throw Refusal.invalid(field, p); });
            if (!seen.add(number)) throw Refusal.invalid(field, "number " + number + " is given twice");
        }
        if (store.accounts().find(spec.sipId()).isPresent()) {
            throw Refusal.conflict("sipId", "account '" + spec.sipId() + "' already exists");
        }
        for (int i = 0; i < spec.numbers().size(); i++) {
            String number = spec.numbers().get(i);
            Optional<String> owner = store.numbers().owner(number);
            if (owner.isPresent()) {
                throw Refusal.conflict("numbers[" + i + "]", "number " + number + " already belongs to " + owner.get());
            }
        }
        Ha1 h = ha1.get();
        Account account = new Account(spec.sipId(), spec.displayName(), h.md5(), h.sha256(), spec.enabled());
        store.accounts().put(account);
        for (String number : spec.numbers()) store.numbers().assign(number, spec.sipId());
        return account;
    }

    /**
     * Changes what is given (null leaves a value as it is); the password
     * ({@code ha1}) is only asked for once the account is known to exist.
     */
    public Account update(String sipId, String displayName, Boolean enabled, Supplier<Ha1> ha1) {
        Account current = require(sipId);
        if (displayName != null) checkDisplayName(displayName);
        Ha1 h = ha1 == null ? new Ha1(current.ha1Md5(), current.ha1Sha256()) : ha1.get();
        Account changed = new Account(sipId, displayName == null ? current.displayName() : displayName, h.md5(),
                h.sha256(), enabled == null ? current.enabled() : enabled);
        store.accounts().put(changed);
        return changed;
    }

    /** Removes the account with its numbers, line and registrations; returns the numbers it had. */
    public List<String> remove(String sipId) {
        require(sipId);
        List<String> numbers = store.numbers().numbersOf(sipId);
        if (!store.accounts().remove(sipId)) throw Refusal.notFound("sipId", "account '" + sipId + "' does not exist");
        return numbers;
    }

    public LineSettings line(String sipId) {
        require(sipId);
        return store.lines().get(sipId);
    }

    /** Replaces the line's features, after checking them against {@link LineRules}. */
    public void setLine(String sipId, LineSettings settings) {
        require(sipId);
        LineRules.check(settings);
        store.lines().put(sipId, settings);
    }

    /** Both HA1 values for a clear-text password in {@code realm}; an empty password is refused. */
    public static Ha1 ha1(String sipId, String realm, String password) {
        if (password == null || password.isEmpty()) throw Refusal.invalid("password", "the password must not be empty");
        return Ha1.of(sipId, realm, password);
    }

    private static void checkDisplayName(String name) {
        if (name.length() > MAX_DISPLAY_NAME) {
            throw Refusal.invalid("displayName", "the display name is longer than " + MAX_DISPLAY_NAME + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw Refusal.invalid("displayName", "the display name must not contain control characters (line breaks, tabs)");
        }
    }
}
