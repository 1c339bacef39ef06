package org.openmrs.module.dhis2sync.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void aLineBreakCannotForgeTheNextLogLine() {
        String forged = "obsolete\n2026-01-01 INFO DHIS2 Sync settings saved: url=https://evil.example";

        String safe = LogText.of(forged);

        assertThat(safe).doesNotContain("\n").startsWith("obsolete\\n2026-01-01 INFO");
        assertThat(LogText.of("a\rb\tc\u0000d\u001be\u2028f")).isEqualTo("a\\rb\\tc\\u0000d\\u001be\\u2028f");
    }

    @Test
    void plainTextIsKeptAndLongTextCut() {
        assertThat(LogText.of("HTS Service – Kenya")).isEqualTo("HTS Service – Kenya");
        assertThat(LogText.of(null)).isEqualTo("null");
        assertThat(LogText.of("x".repeat(1000))).hasSize(LogText.MAX_LENGTH + 3).endsWith("...");
    }
}
