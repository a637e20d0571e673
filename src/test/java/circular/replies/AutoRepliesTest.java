package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;

import circular.mailbox.MailHeaders;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AutoRepliesTest {
  private static MailHeaders headers(String name, String value) {
    return new MailHeaders(Map.of("Subject", "Re: Invitation", name, value));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Auto-Submitted | auto-replied",
        "Auto-Submitted | auto-generated",
        "Auto-Submitted | auto-replied; owner-email=\"a@x.example\"",
        "X-Autoreply | yes",
        "X-Autorespond | Vacation",
        "Precedence | bulk",
        "Precedence | junk",
        "Precedence | list",
        "Precedence | auto_reply",
        "Return-Path | <>",
      })
  void aHeaderThatAMachineSetsMakesAnAutoReply(String name, String value) {
    assertThat(AutoReplies.isAutomatic(headers(name, value))).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Auto-Submitted | no",
        "Precedence | first-class",
        "Return-Path | <geneva@aut-mission.example>",
        "X-Auto-Response-Suppress | All",
      })
  void aPersonsMailIsNotAnAutoReply(String name, String value) {
    assertThat(AutoReplies.isAutomatic(headers(name, value))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Automatic reply: Invitation",
        "Auto-Reply: Invitation",
        "Out of Office: Invitation",
        "Out of Office AutoReply: Invitation",
        "=?utf-8?q?R=C3=A9ponse_automatique=C2=A0:_Invitation?=",
        "Absence du bureau : Invitation",
        "=?utf-8?q?Respuesta_autom=C3=A1tica:_Invitaci=C3=B3n?=",
        "Fuera de la oficina: Invitación",
        "Automatische Antwort: Einladung",
        "Abwesenheitsnotiz: Einladung",
      })
  void anOutOfOfficeSubjectInEnglishFrenchSpanishOrGermanMakesAnAutoReply(String subject) {
    assertThat(AutoReplies.isAutomatic(new MailHeaders(Map.of("Subject", subject)))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"RE: Invitation", "Our reply on automatic weapons", "Re: office hours"})
  void anOrdinarySubjectIsNot(String subject) {
    assertThat(AutoReplies.isAutomatic(new MailHeaders(Map.of("Subject", subject)))).isFalse();
  }
}
