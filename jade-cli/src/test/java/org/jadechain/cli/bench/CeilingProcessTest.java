package org.jadechain.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.jadechain.cli.JadeCli;
import org.jadechain.core.crypto.SuiteId;
import org.junit.jupiter.api.Test;

class CeilingProcessTest {
    @Test
    void measuresInAFreshJvmWithANodesJitSetting() throws Exception {
        CeilingProcess process = new CeilingProcess(JadeCli.class.getName());
        assertThat(process.command(SuiteId.INTL, Path.of("out.json")))
                .containsSubsequence("-XX:-TieredCompilation", "-cp", JadeCli.class.getName(), "bench", "ceiling",
                        "--suite", "intl", "--json", "out.json");

        Ceiling c = process.measure(SuiteId.INTL);

        assertThat(c.suite()).isEqualTo("intl");
        assertThat(c.oneThread()).isPositive();
        assertThat(c.allCores()).isPositive();
        assertThat(c.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(c.signatures()).isEqualTo(CeilingMeter.SIGNATURES);
    }

    @Test
    void aChildThatFailsIsAnError() {
        CeilingProcess process = new CeilingProcess("org.jadechain.no.SuchMain");

        assertThatThrownBy(() -> process.measure(SuiteId.SM)).isInstanceOf(IOException.class)
                .hasMessageContaining("exited with 1");
    }
}
