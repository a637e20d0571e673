package circular.mail;

import static circular.mail.FakeSmtpServer.Reaction.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.mail.Delivery.Outcome;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A letter's {@link Gate} over real sockets: the transaction runs up to its end of data, and the
 * final "." waits for the gate; a gate that fails leaves the server without the letter.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SmtpSenderGateTest {

  private static SmtpSender connect(FakeSmtpServer server) {
    return SmtpSender.connect(
        SmtpSettings.fromUrl(server.url()).withTimeout(Duration.ofSeconds(5)), Optional.empty());
  }

  @Test
  void theEndOfDataWaitsForTheGateWhileTheRestOfTheTransactionGoesOn() throws Exception {
    AtomicBoolean open = new AtomicBoolean();
    AtomicBoolean endBeforeOpen = new AtomicBoolean();
    CountDownLatch dataSent = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch atTheGate = new CountDownLatch(1);
    try (FakeSmtpServer server =
            FakeSmtpServer.start(
                c -> {
                  if (c.is("DATA")) {
                    dataSent.countDown();
                  }
                  if (c.is(".") && !open.get()) {
                    endBeforeOpen.set(true);
                  }
                  return normal();
                });
        SmtpSender smtp = connect(server)) {
      CompletableFuture<Delivery> delivery =
          CompletableFuture.supplyAsync(
              () ->
                  smtp.send(
                      TestLetters.message("delegation@gov.example"),
                      () -> {
                        atTheGate.countDown();
                        try {
                          release.await();
                        } catch (InterruptedException e) {
                          throw new InterruptedIOException();
                        }
                        open.set(true);
                      }));

      assertThat(dataSent.await(5, TimeUnit.SECONDS))
          .as("MAIL, RCPT and DATA went out before the gate opened")
          .isTrue();
      assertThat(atTheGate.await(5, TimeUnit.SECONDS)).as("the sender waits at the gate").isTrue();
      assertThat(server.count(".")).as("no end of data while the gate is shut").isZero();
      assertThat(server.accepted()).isEmpty();
      release.countDown();

      assertThat(delivery.get(5, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.SENT);
      assertThat(endBeforeOpen).isFalse();
      assertThat(server.accepted()).hasSize(1);
    }
  }

  @Test
  void aGateThatFailsSendsNoEndOfDataAndDropsTheConnection() throws Exception {
    try (FakeSmtpServer server = FakeSmtpServer.start(c -> normal());
        SmtpSender smtp = connect(server)) {
      assertThatThrownBy(
              () ->
                  smtp.send(
                      TestLetters.message("delegation@gov.example"),
                      () -> {
                        throw new IOException("fsync failed: Input/output error");
                      }))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("fsync failed");

      assertThat(server.count("DATA")).isEqualTo(1);
      assertThat(server.count(".")).as("the letter was never finished").isZero();
      assertThat(server.accepted()).isEmpty();
      assertThat(smtp.send(TestLetters.message("other@gov.example")).outcome())
          .isEqualTo(Outcome.SENT);
      assertThat(server.connections())
          .as("the unfinished connection was not used again")
          .isEqualTo(2);
      assertThat(server.accepted()).hasSize(1);
    }
  }
}
