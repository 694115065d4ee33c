package org.clearline.interop.harness;

import java.util.ArrayList;
import java.util.List;

/** An account of the server under test: SIP ID (also digest username), password, numbers. */
public record TestAccount(String sipId, String password, List<String> numbers) {

    public TestAccount {
        numbers = List.copyOf(numbers);
    }

    public static TestAccount of(String sipId, String... numbers) {
        return new TestAccount(sipId, "secret-" + sipId, List.of(numbers));
    }

    /**
     * Accounts named {@code prefix1..prefixN}, each with one E.164 number; tests
     * use distinct accounts so that bindings of one test never reach another.
     */
    public static List<TestAccount> numbered(String prefix, int count, int firstNumber) {
        List<TestAccount> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(of(prefix + i, "+4930" + (firstNumber + i)));
        }
        return out;
    }
}
