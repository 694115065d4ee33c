package org.clearline.admin.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void markupAndQuotesAreEscapedAndControlCharactersReplaced() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        // a NUL or ESC from a hostile SIP header would make the page invalid: shown as U+FFFD
        assertThat(Html.escape("a\u0000b\u001bc\r\n\td")).isEqualTo("a\uFFFDb\uFFFDc\r\n\td");
        assertThat(Html.escape(null)).isEmpty();
    }
}
