package org.clearline.admin.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.clearline.admin.config.AccountConfig.Credentials;
import org.clearline.store.E164;
import org.clearline.store.SipIds;

/** Reads and validates the {@code accounts} list. */
final class AccountsReader {
    private static final List<String> KEYS =
            List.of("sipId", "password", "ha1Md5", "ha1Sha256", "displayName", "numbers", "enabled", "line");

    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    private AccountsReader() {}

    static List<AccountConfig> read(ConfigNode root) throws ConfigException {
        List<AccountConfig> accounts = new ArrayList<>();
        Map<String, String> keyOfSipId = new HashMap<>();
        Map<String, String> ownerOfNumber = new HashMap<>();
        for (ConfigNode entry : root.sections("accounts", KEYS)) {
            String sipId = entry.requiredText("sipId", "the account's SIP ID, e.g. alice");
            Optional<String> problem = SipIds.problem(sipId);
            if (problem.isPresent()) throw entry.error("sipId", problem.get());
            String earlier = keyOfSipId.putIfAbsent(sipId, entry.key("sipId"));
            if (earlier != null) throw entry.error("sipId", "'" + sipId + "' is declared twice (also " + earlier + ")");

            List<String> numbers = entry.textList("numbers");
            for (int i = 0; i < numbers.size(); i++) {
                String key = entry.key("numbers") + "[" + i + "]";
                String number = numbers.get(i);
                Optional<String> bad = E164.problem(number);
                if (bad.isPresent()) throw new ConfigException(key, bad.get());
                String owner = ownerOfNumber.putIfAbsent(number, sipId);
                if (owner != null) throw new ConfigException(key, number + " is already declared for " + owner);
            }
            accounts.add(new AccountConfig(sipId, entry.text("displayName", ""), credentials(entry), numbers,
                    entry.bool("enabled", true), LineReader.read(entry)));
        }
        return accounts;
    }

    private static Credentials credentials(ConfigNode entry) throws ConfigException {
        boolean password = entry.has("password");
        boolean md5 = entry.has("ha1Md5");
        boolean sha256 = entry.has("ha1Sha256");
        if (password && (md5 || sha256)) {
            throw entry.error("password", "give either password or ha1Md5 + ha1Sha256, not both");
        }
        if (password) {
            String secret = entry.requiredText("password", "the account's SIP password");
            return new Credentials.Password(secret);
        }
        if (!md5 && !sha256) throw entry.error("password", "missing (or give ha1Md5 + ha1Sha256 instead)");
        if (!sha256) throw entry.error("ha1Sha256", "missing (ha1Md5 needs it: both digest algorithms are offered)");
        if (!md5) throw entry.error("ha1Md5", "missing (ha1Sha256 needs it: both digest algorithms are offered)");
        String md5Hex = hex(entry, "ha1Md5", 32, "MD5");
        String shaHex = hex(entry, "ha1Sha256", 64, "SHA-256");
        return new Credentials.Ha1Values(md5Hex, shaHex);
    }

    private static String hex(ConfigNode entry, String name, int digits, String algorithm) throws ConfigException {
        String meaning = "hex " + algorithm + " of sipId:realm:password";
        String value = entry.requiredText(name, meaning).toLowerCase(Locale.ROOT);
        if (!HEX.matcher(value).matches() || value.length() != digits) {
            throw entry.error(name, "must be " + digits + " hex digits (" + meaning + "), got " + value.length()
                    + " characters");
        }
        return value;
    }
}
