package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;

import circular.campaign.SentRow;
import circular.campaign.Status;
import circular.recipients.Recipient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignIndexTest {
  private static Recipient delegation(String id, List<String> emails, List<String> cc) {
    return new Recipient(id, emails, cc, List.of(), Map.of("id", id), 2);
  }

  private static final CampaignIndex INDEX =
      CampaignIndex.of(
          List.of(
              new SentRow(
                  Instant.parse("2012-03-22T09:00:00Z"),
                  "invitation",
                  "AUT",
                  "geneva@aut-mission.example",
                  "<a1@Mission.Example>",
                  Status.SENT,
                  ""),
              new SentRow(
                  Instant.parse("2012-03-21T16:00:00Z"),
                  "invitation",
                  "AUT",
                  "test@mission.example",
                  "<t1@mission.example>",
                  Status.TEST,
                  "")),
          List.of(
              delegation(
                  "AUT",
                  List.of("geneva@aut-mission.example"),
                  List.of("ccm-desk@mfa-aut.example")),
              delegation("GHA", List.of("ghana.mission@gmail.com"), List.of()),
              delegation("BEL", List.of("geneve@diplobel.example"), List.of()),
              delegation("LUX", List.of("geneve@diplobel.example"), List.of()),
              delegation("NLD", List.of("gva@minbuza.example"), List.of()),
              delegation("NLD2", List.of("cd@minbuza.example"), List.of())),
          List.of("Invitation (Austria)"),
          List.of("office@mission.example"),
          PublicProviders.standard());

  @Test
  void aDomainOfExactlyOneDelegationMatches() {
    assertThat(INDEX.byDomain("colleague@aut-mission.example")).contains("AUT");
    assertThat(INDEX.byDomain("someone@MFA-AUT.example")).contains("AUT");
  }

  @Test
  void aPublicProvidersDomainNeverMatchesEvenWhenOneDelegationUsesIt() {
    assertThat(INDEX.byAddress("ghana.mission@gmail.com")).contains("GHA");
    assertThat(INDEX.byDomain("someone.else@gmail.com")).isEmpty();
  }

  @Test
  void aDomainOrAddressSharedByTwoDelegationsMatchesNeither() {
    assertThat(INDEX.byAddress("geneve@diplobel.example")).isEmpty();
    assertThat(INDEX.byDomain("attache@diplobel.example")).isEmpty();
    assertThat(INDEX.byDomain("x@minbuza.example")).isEmpty();
  }

  @Test
  void publicProvidersAreKnownInEveryCountrysDomain() {
    PublicProviders providers = PublicProviders.standard();

    assertThat(
            List.of(
                "a@gmail.com",
                "a@googlemail.com",
                "a@hotmail.co.uk",
                "a@hotmail.fr",
                "a@live.com",
                "a@outlook.com",
                "a@yahoo.es",
                "a@gmx.de",
                "a@gmx.net",
                "a@web.de",
                "a@orange.fr",
                "a@wanadoo.fr",
                "a@free.fr",
                "a@laposte.net",
                "a@icloud.com",
                "a@me.com",
                "a@aol.com",
                "a@mail.ru",
                "a@yandex.ru",
                "a@protonmail.com",
                "a@proton.me"))
        .allMatch(providers::isPublic);
    assertThat(
            List.of(
                "a@aut-mission.example",
                "a@hotmailer.com",
                "a@gmail.com.example",
                "a@mfa.gov.example"))
        .noneMatch(providers::isPublic);
  }

  @Test
  void aThreadMatchesOnlyIdsWeSentAndNotTestLetters() {
    assertThat(INDEX.byThread(List.of("<other@x.example>", "<a1@mission.example>")))
        .contains("AUT");
    assertThat(INDEX.byThread(List.of("<t1@mission.example>"))).isEmpty();
    assertThat(INDEX.isOurLetter("<a1@MISSION.example>")).isTrue();
  }

  @Test
  void theOfficeIsNotADelegation() {
    assertThat(INDEX.isOffice("Office@mission.example")).isTrue();
    assertThat(INDEX.isOffice("geneva@aut-mission.example")).isFalse();
  }

  @Test
  void theCampaignStartsWithItsFirstRealLetter() {
    assertThat(INDEX.start()).contains(Instant.parse("2012-03-22T09:00:00Z"));
    assertThat(INDEX.answersLetter("RE: invitation  (AUSTRIA)")).isTrue();
    assertThat(INDEX.letterCount()).isEqualTo(1);
  }
}
