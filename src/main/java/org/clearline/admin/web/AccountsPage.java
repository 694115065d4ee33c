package org.clearline.admin.web;

import static org.clearline.admin.http.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clearline.store.Account;
import org.clearline.store.NumberStore.NumberAssignment;

/** Every account with its numbers, whether a phone is registered and its calls up; each links to its page. */
final class AccountsPage {
    private AccountsPage() {}

    static String render(DashboardSources src) {
        long now = src.now();
        Map<String, List<String>> numbers = new TreeMap<>();
        for (NumberAssignment n : src.numbers().list()) numbers.computeIfAbsent(n.sipId(), k -> new ArrayList<>()).add(n.number());
        List<Account> accounts = new ArrayList<>(src.accounts().list());
        accounts.sort((a, b) -> a.sipId().compareTo(b.sipId()));
        StringBuilder b = new StringBuilder("<h1>Accounts</h1>\n");
        if (accounts.isEmpty()) {
            b.append("<p class=\"empty\">No accounts yet; add one with <code>clearline account add</code>.</p>\n");
            return Layout.page("Accounts", Layout.Section.ACCOUNTS, b.toString());
        }
        b.append("<table class=\"accounts\"><thead><tr><th scope=\"col\">Account</th><th scope=\"col\">Name</th>")
                .append("<th scope=\"col\">Numbers</th><th scope=\"col\">Phones registered</th>")
                .append("<th scope=\"col\">Calls up</th><th scope=\"col\">State</th></tr></thead>\n<tbody>\n");
        for (Account a : accounts) {
            int phones = src.location().lookup(a.sipId(), now).size();
            b.append("<tr><td><a href=\"").append(escape(Format.accountHref(a.sipId()))).append("\">")
                    .append(escape(a.sipId())).append("</a></td><td>").append(Format.orDash(a.displayName()))
                    .append("</td><td>").append(Format.orDash(String.join(", ", numbers.getOrDefault(a.sipId(), List.of()))))
                    .append("</td><td class=\"num\">").append(phones).append("</td><td class=\"num\">")
                    .append(src.activeCalls().active(a.sipId())).append("</td><td>")
                    .append(a.enabled() ? "enabled" : "<span class=\"badge failed\">disabled</span>")
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        return Layout.page("Accounts", Layout.Section.ACCOUNTS, b.toString());
    }
}
