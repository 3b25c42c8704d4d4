package dev.tufceremony.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The rule for a missing node: skip on a developer machine, fail under CI=true. */
class TufJsClientToolsTest {
    private static final String NO_SUCH_TOOL = "tuf-ceremony-no-such-node-binary";

    @Test
    void missingNodeFailsUnderCi() {
        TufJsClient.Tools tools = new TufJsClient.Tools(Map.of("CI", "true"), NO_SUCH_TOOL, NO_SUCH_TOOL);
        assertThatThrownBy(() -> tools.requireTool(NO_SUCH_TOOL))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI=true")
                .hasMessageContaining(NO_SUCH_TOOL);
    }

    @Test
    void missingNodeSkipsOutsideCi() {
        TufJsClient.Tools tools = new TufJsClient.Tools(Map.of(), NO_SUCH_TOOL, NO_SUCH_TOOL);
        assertThatThrownBy(() -> tools.requireTool(NO_SUCH_TOOL))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(NO_SUCH_TOOL);
    }

    @Test
    void ciOtherThanTrueIsNotCi() {
        assertThat(new TufJsClient.Tools(Map.of("CI", "false"), "node", "npm").ci()).isFalse();
        assertThat(new TufJsClient.Tools(Map.of("CI", "true"), "node", "npm").ci()).isTrue();
    }

    @Test
    void aToolThatExitsNonZeroCountsAsMissing() {
        // "false --version" exits 1 (coreutils ignores the argument): present on PATH but unusable.
        TufJsClient.Tools tools = new TufJsClient.Tools(Map.of("CI", "true"), "false", "false");
        assertThatThrownBy(() -> tools.requireTool("false"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("exited with 1");
    }
}
