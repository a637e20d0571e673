package circular.mail;

import static circular.mail.FakeSmtpServer.Reaction.close;
import static circular.mail.FakeSmtpServer.Reaction.hang;
import static circular.mail.FakeSmtpServer.Reaction.normal;
import static circular.mail.FakeSmtpServer.Reaction.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.mail.Delivery.Outcome;
import circular.server.Login;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the sender reads a server's refusals, delays and dropped connections, over real sockets. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SmtpSenderFaultsTest {
  private static final Duration TIMEOUT = Duration.ofMillis(1500);
  private static final Backoff QUICK =
      Backoff.of(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(60));

  private static SmtpSender connect(FakeSmtpServer server) {
    return SmtpSender.connect(settings(server), Optional.empty());
  }

  private static SmtpSettings settings(FakeSmtpServer server) {
    return SmtpSettings.fromUrl(server.url()).withTimeout(TIMEOUT).withBackoff(QUICK);
  }

  @Test
  void aRecipientRefusedFor550FailsThatLetterAndTheNextGoesOutOnTheSameConnection()
      throws IOException {
    try (FakeSmtpServer server =
            FakeSmtpServer.start(
                c ->
                    c.is("RCPT", "nobody@gov.example")
                        ? reply("550 5.1.1 no such user")
                        : normal());
        SmtpSender smtp = connect(server)) {
      Delivery refused = smtp.send(TestLetters.message("nobody@gov.example"));
      Delivery next = smtp.send(TestLetters.message("delegation@gov.example"));

      assertThat(refused).isEqualTo(new Delivery(Outcome.FAILED, "550 5.1.1 no such user"));
      assertThat(next.outcome()).isEqualTo(Outcome.SENT);
      assertThat(server.connections()).isEqualTo(1);
      assertThat(server.count("RCPT", "nobody@gov.example")).isEqualTo(1);
      assertThat(server.accepted()).hasSize(1);
    }
  }

  @Test
  void manyLettersGoOverOneConnection() throws IOException {
    try (FakeSmtpServer server = FakeSmtpServer.start(c -> normal());
        SmtpSender smtp = connect(server)) {
      for (int i = 0; i < 5; i++) {
        assertThat(smtp.send(TestLetters.message("delegation" + i + "@gov.example")).sent())
            .isTrue();
      }

      assertThat(server.connections()).isEqualTo(1);
      assertThat(server.count("EHLO")).isEqualTo(1);
      assertThat(server.count("NOOP")).isZero();
      assertThat(server.accepted()).hasSize(5);
    }
  }

  @Test
  void aMultiLineReplyIsLoggedAsOneLine() throws IOException {
    try (FakeSmtpServer server =
            FakeSmtpServer.start(
                c ->
                    c.is("RCPT")
                        ? reply(
                            "550-5.1.1 The email account that you tried to reach does not exist.\r\n550 5.1.1 Please check the address.")
                        : normal());
        SmtpSender smtp = connect(server)) {
      Delivery delivery = smtp.send(TestLetters.message("nobody@gov.example"));

      assertThat(delivery)
          .isEqualTo(
              new Delivery(
                  Outcome.FAILED,
                  "550 5.1.1 The email account that you tried to reach does not exist. 5.1.1 Please check the address."));
    }
  }

  @Test
  void aLetterSomeOfWhoseAddressesAreRefusedGoesToTheOthersAndNamesTheRefused() throws IOException {
    try (FakeSmtpServer server =
            FakeSmtpServer.start(
                c ->
                    c.is("RCPT", "old@gov.example")
                        ? reply("550 5.1.1 mailbox unavailable")
                        : normal());
        SmtpSender smtp = connect(server)) {
      Delivery delivery =
          smtp.send(
              TestLetters.message(List.of("delegation@gov.example"), List.of("old@gov.example")));

      assertThat(delivery)
          .isEqualTo(
              new Delivery(
                  Outcome.SENT,
                  "250 2.0.0 queued as FAKE; rejected: old@gov.example (550 5.1.1 mailbox unavailable)",
                  List.of("old@gov.example")));
      assertThat(server.accepted()).hasSize(1);
      assertThat(server.count("DATA")).isEqualTo(1);
    }
  }

  @Test
  void aLetterAllOfWhoseAddressesAreRefusedFailsNamingThemAll() throws IOException {
    try (FakeSmtpServer server =
            FakeSmtpServer.start(c -> c.is("RCPT") ? reply("550 5.1.1 no such user") : normal());
        SmtpSender smtp = connect(server)) {
      Delivery delivery =
          smtp.send(TestLetters.message(List.of("a@gov.example"), List.of("b@gov.example")));

      assertThat(delivery)
          .isEqualTo(
              new Delivery(
                  Outcome.FAILED,
                  "rejected: a@gov.example (550 5.1.1 no such user), b@gov.example (550 5.1.1 no such user)"));
      assertThat(server.count("DATA")).isZero();
    }
  }

  @Test
  void aRecipientTurnedAwayFor451OnceIsSentOnTheRetry() throws IOException {
    try (FakeSmtpServer server =
            FakeSmtpServer.start(
                c ->
                    c.is("RCPT") && c.seen() == 1
                        ? reply("451 4.7.1 greylisted, try again")
                        : normal());
        SmtpSender smtp = connect(server)) {
      Delivery delivery = smtp.send(TestLetters.message("delegation@gov.example"));

      assertThat(delivery).isEqualTo(new Delivery(Outcome.SENT, "250 2.0.0 queued as FAKE"));
      assertThat(server.count("RCPT")).isEqualTo(2);
      assertThat(server.accepted()).hasSize(1);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void aStoppedRunTriesALetterTurnedAwayNoMore() throws IOException {
    try (FakeSmtpServer server =
            FakeSmtpServer.start(c -> c.is("RCPT") ? reply("451 4.3.0 mailbox busy") : normal());
        SmtpSender smtp = connect(server)) {
      Delivery delivery =
          smtp.send(TestLetters.message("delegation@gov.example"), Gate.OPEN, () -> true);

      assertThat(delivery).isEqualTo(new Delivery(Outcome.DEFERRED, "451 4.3.0 mailbox busy"));
      assertThat(server.count("RCPT")).isEqualTo(1);
    }
  }

  @Test
  void aRecipientAlways451IsDeferredAfterTheConfiguredRetries() throws IOException {
    try (FakeSmtpServer server =
            FakeSmtpServer.start(c -> c.is("RCPT") ? reply("451 4.3.0 mailbox busy") : normal());
        SmtpSender smtp = connect(server)) {
      Delivery delivery = smtp.send(TestLetters.message("delegation@gov.example"));

      assertThat(delivery)
          .isEqualTo(new Delivery(Outcome.DEFERRED, "451 4.3.0 mailbox busy (tried 4 times)"));
      assertThat(server.count("RCPT")).isEqualTo(1 + QUICK.retries());
      assertThat(server.count("DATA")).isZero();
    }
  }

  @Test
  void aRetryAfterAPartial451GoesOnlyToTheAddressThatWasTurnedAway() throws IOException {
    try (FakeSmtpServer server =
            FakeSmtpServer.start(
                c ->
                    c.is("RCPT", "slow@gov.example") && c.seen() == 1
                        ? reply("451 4.7.1 try later")
                        : normal());
        SmtpSender smtp = connect(server)) {
      Delivery delivery =
          smtp.send(
              TestLetters.message(List.of("delegation@gov.example"), List.of("slow@gov.example")));

      assertThat(delivery).isEqualTo(new Delivery(Outcome.SENT, "250 2.0.0 queued as FAKE"));
      assertThat(server.count("RCPT", "delegation@gov.example")).isEqualTo(1);
      assertThat(server.count("RCPT", "slow@gov.example")).isEqualTo(2);
      assertThat(server.accepted()).hasSize(2);
    }
  }

  @Test
  void aConnectionClosedRightAfterTheEndOfDataLeavesTheLetterInDoubtAndItIsNotRetried()
      throws IOException {
    try (FakeSmtpServer server =
            FakeSmtpServer.start(c -> c.is(".") && c.seen() == 1 ? close() : normal());
        SmtpSender smtp = connect(server)) {
      Delivery delivery = smtp.send(TestLetters.message("delegation@gov.example"));
      Delivery next = smtp.send(TestLetters.message("other@gov.example"));

      assertThat(delivery.outcome()).isEqualTo(Outcome.IN_DOUBT);
      assertThat(delivery.detail())
          .startsWith("no reply after the letter's data was sent (")
          .endsWith("); the server may have it");
      assertThat(server.count("RCPT", "delegation@gov.example")).isEqualTo(1);
      assertThat(next.outcome()).isEqualTo(Outcome.SENT);
      assertThat(server.count("DATA")).isEqualTo(2);
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void aServerSilentAfterTheEndOfDataLeavesTheLetterInDoubtOnceTheTimeoutPasses()
      throws IOException {
    try (FakeSmtpServer server = FakeSmtpServer.start(c -> c.is(".") ? hang() : normal());
        SmtpSender smtp =
            SmtpSender.connect(
                settings(server).withTimeout(Duration.ofMillis(400)), Optional.empty())) {
      Delivery delivery = smtp.send(TestLetters.message("delegation@gov.example"));

      // the read timeout, and no other cause, ended the wait: Angus says so in the reason
      assertThat(delivery.outcome()).isEqualTo(Outcome.IN_DOUBT);
      assertThat(delivery.detail())
          .isEqualTo(
              "no reply after the letter's data was sent (Read timed out); the server may have it");
      assertThat(server.count("DATA")).isEqualTo(1);
    }
  }

  @Test
  void aServerSilentAtRecipientIsTriedAgainOnANewConnection() throws IOException {
    try (FakeSmtpServer server =
            FakeSmtpServer.start(c -> c.is("RCPT") && c.seen() == 1 ? hang() : normal());
        SmtpSender smtp =
            SmtpSender.connect(
                settings(server).withTimeout(Duration.ofMillis(400)), Optional.empty())) {
      Delivery delivery = smtp.send(TestLetters.message("delegation@gov.example"));

      assertThat(delivery.outcome()).isEqualTo(Outcome.SENT);
      assertThat(server.connections()).isEqualTo(2);
      assertThat(server.accepted()).hasSize(1);
    }
  }

  @Test
  void aConnectionClosedAtMailFromIsReopenedAndTheLetterSent() throws IOException {
    try (FakeSmtpServer server =
            FakeSmtpServer.start(c -> c.is("MAIL") && c.seen() == 1 ? close() : normal());
        SmtpSender smtp = connect(server)) {
      Delivery delivery = smtp.send(TestLetters.message("delegation@gov.example"));

      assertThat(delivery).isEqualTo(new Delivery(Outcome.SENT, "250 2.0.0 queued as FAKE"));
      assertThat(server.connections()).isEqualTo(2);
      assertThat(server.accepted()).hasSize(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"MAIL", "RCPT", "DATA", "."})
  void a421ClosesTheConnectionAndTheLetterIsSentOnANewOne(String verb) throws IOException {
    try (FakeSmtpServer server =
            FakeSmtpServer.start(
                c ->
                    c.is(verb) && c.seen() == 1
                        ? reply("421 4.3.2 service shutting down")
                        : normal());
        SmtpSender smtp = connect(server)) {
      Delivery delivery = smtp.send(TestLetters.message("delegation@gov.example"));

      assertThat(delivery).isEqualTo(new Delivery(Outcome.SENT, "250 2.0.0 queued as FAKE"));
      assertThat(server.connections()).isEqualTo(2);
      assertThat(server.accepted()).hasSize(1);
    }
  }

  @Test
  void aRefusalOfTheLetterAfterItsDataFailsIt() throws IOException {
    try (FakeSmtpServer server =
            FakeSmtpServer.start(
                c -> c.is(".") ? reply("554 5.7.1 message refused as spam") : normal());
        SmtpSender smtp = connect(server)) {
      Delivery delivery = smtp.send(TestLetters.message("delegation@gov.example"));

      assertThat(delivery)
          .isEqualTo(new Delivery(Outcome.FAILED, "554 5.7.1 message refused as spam"));
      assertThat(server.count("DATA")).isEqualTo(1);
    }
  }

  @Test
  void aServerGoneForGoodMidRunDefersTheLetterAfterTheRetries() throws IOException {
    FakeSmtpServer server = FakeSmtpServer.start(c -> normal());
    try (SmtpSender smtp = connect(server)) {
      server.close();
      Delivery delivery = smtp.send(TestLetters.message("delegation@gov.example"));

      assertThat(delivery.outcome()).isEqualTo(Outcome.DEFERRED);
      assertThat(delivery.detail()).contains("cannot connect").endsWith("(tried 4 times)");
    }
  }

  @Test
  void aServerThatCannotBeReachedAtTheStartStopsTheRun() throws IOException {
    // Port 1 (tcpmux) on loopback: nothing listens there, and no other test can take it meanwhile,
    // as a freed ephemeral port could be.
    SmtpSettings settings = SmtpSettings.fromUrl("smtp://127.0.0.1:1").withTimeout(TIMEOUT);

    assertThatThrownBy(() -> SmtpSender.connect(settings, Optional.empty()))
        .isInstanceOf(SmtpException.class)
        .hasMessageStartingWith("127.0.0.1:" + settings.port() + ": cannot connect (");
  }

  @Test
  void aRefusedLoginStopsTheRunWithoutShowingThePassword() throws IOException {
    try (FakeSmtpServer server =
        FakeSmtpServer.startWithAuth(
            "PLAIN",
            c -> c.is("AUTH") ? reply("535 5.7.8 authentication credentials invalid") : normal())) {
      SmtpSettings settings =
          SmtpSettings.fromUrl("smtp://me%40office.example@127.0.0.1:" + server.port())
              .withTimeout(TIMEOUT);
      Login login =
          new Login("me@office.example", "correct horse battery", Login.Mechanism.PASSWORD);

      assertThatThrownBy(() -> SmtpSender.connect(settings, Optional.of(login)))
          .isInstanceOf(SmtpException.class)
          .hasMessage(
              "127.0.0.1:"
                  + server.port()
                  + ": the server refused the login for 'me@office.example' (535 5.7.8 authentication credentials invalid)")
          .message()
          .doesNotContain("correct horse");
      assertThat(server.count("MAIL")).isZero();
    }
  }

  @Test
  void aServerThatOffersNoLoginIsRefusedWhenALoginWasGiven() throws IOException {
    try (FakeSmtpServer server = FakeSmtpServer.start(c -> normal())) {
      SmtpSettings settings =
          SmtpSettings.fromUrl("smtp://me@127.0.0.1:" + server.port()).withTimeout(TIMEOUT);
      Login login = new Login("me", "secret", Login.Mechanism.PASSWORD);

      assertThatThrownBy(() -> SmtpSender.connect(settings, Optional.of(login)))
          .isInstanceOf(SmtpException.class)
          .hasMessageContaining("the server offers no login (AUTH) for 'me'");
    }
  }

  @Test
  void anOAuthTokenIsPresentedWithXoauth2() throws IOException {
    try (FakeSmtpServer server = FakeSmtpServer.startWithAuth("PLAIN XOAUTH2", c -> normal())) {
      SmtpSettings settings =
          SmtpSettings.fromUrl("smtp://me@127.0.0.1:" + server.port()).withTimeout(TIMEOUT);
      Login login = new Login("me", "ya29.token", Login.Mechanism.XOAUTH2);

      try (SmtpSender smtp = SmtpSender.connect(settings, Optional.of(login))) {
        assertThat(smtp.send(TestLetters.message("delegation@gov.example")).outcome())
            .isEqualTo(Outcome.SENT);
      }
      assertThat(server.commands()).contains("AUTH XOAUTH2").doesNotContain("AUTH PLAIN");
    }
  }

  @Test
  void anOAuthTokenIsNeverSentToAServerThatDoesNotOfferXoauth2() throws IOException {
    try (FakeSmtpServer server = FakeSmtpServer.startWithAuth("PLAIN", c -> normal())) {
      SmtpSettings settings =
          SmtpSettings.fromUrl("smtp://me@127.0.0.1:" + server.port()).withTimeout(TIMEOUT);
      Login login = new Login("me", "ya29.token", Login.Mechanism.XOAUTH2);

      assertThatThrownBy(() -> SmtpSender.connect(settings, Optional.of(login)))
          .isInstanceOf(SmtpException.class)
          .hasMessageContaining("does not offer an OAuth2 (XOAUTH2) login for 'me'");
      assertThat(server.count("AUTH")).isZero();
    }
  }
}
