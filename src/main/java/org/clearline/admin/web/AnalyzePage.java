package org.clearline.admin.web;

import static org.clearline.admin.http.Html.escape;

/** The upload form of the trace analyzer: the same report as `clearline analyze --html`, from the browser. */
final class AnalyzePage {
    private AnalyzePage() {}

    static String form(String problem) {
        String error = problem == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(problem) + "</p>\n";
        return Layout.page("Analyze a capture", Layout.Section.ANALYZE, """
                <h1>Analyze a capture</h1>
                <p>Upload a packet capture (pcap or pcapng, from tcpdump, tshark or Wireshark) or a log with
                SIP messages (SIPp, sngrep, Kamailio, Asterisk) from any SIP system. Every call and
                registration in it is grouped, and each failure is explained with the same catalogue
                Clearline uses for its own calls, with its ladder.</p>
                %s<form method="post" action="/analyze" enctype="multipart/form-data">
                <label>File <input type="file" name="capture" id="capture" required></label>
                <label>Language <select name="lang"><option value="en">English</option><option value="de">Deutsch</option></select></label>
                <button type="submit" id="analyze">Analyze</button>
                </form>
                <p class="hint">Up to 64 MB here; larger captures: <code>clearline analyze FILE --html -o report.html</code>.</p>
                """.formatted(error));
    }
}
