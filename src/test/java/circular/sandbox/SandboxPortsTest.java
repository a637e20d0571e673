package circular.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SandboxPortsTest {
  @Test
  void dynamicPortsAreChosenWhenTheSandboxStarts() {
    assertThat(SandboxPorts.dynamic())
        .isEqualTo(new SandboxPorts(0, 0))
        .satisfies(p -> assertThat(p.isDynamic()).isTrue());
  }

  @Test
  void fixedPortsAreKeptAsGiven() {
    assertThat(SandboxPorts.fixed(SandboxPorts.DEFAULT_SMTP, SandboxPorts.DEFAULT_IMAP))
        .isEqualTo(new SandboxPorts(3025, 3143));
  }

  @Test
  void fixedPortsMustBeRealAndDifferent() {
    assertThatThrownBy(() -> SandboxPorts.fixed(0, 3143))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SandboxPorts.fixed(3025, 70000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SandboxPorts.fixed(3025, 3025))
        .hasMessageContaining("different ports");
  }
}
