package circular.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageIdTest {
  @Test
  void aNewIdIsBracketedUnderTheSendersDomainInLowerCase() {
    MessageId id = MessageId.create("Helen.Marsh@Mission.Example");

    assertThat(id.text()).matches("<[0-9a-z]+\\.[0-9a-f]{24}@mission\\.example>");
    assertThat(id).hasToString(id.text());
  }

  @Test
  void everyNewIdIsAnother() {
    assertThat(MessageId.create("nim@mission.example"))
        .isNotEqualTo(MessageId.create("nim@mission.example"));
  }

  @Test
  void aHeaderValueGivesEveryIdInOrder() {
    assertThat(MessageId.allIn(" <a.1@x.example>\r\n\t<b.2@y.example> junk"))
        .containsExactly(new MessageId("<a.1@x.example>"), new MessageId("<b.2@y.example>"));
    assertThat(MessageId.allIn(null)).isEqualTo(List.of());
  }

  @Test
  void aMessageIdWithoutBracketsGetsThem() {
    assertThat(MessageId.parse(" a.1@x.example ")).contains(new MessageId("<a.1@x.example>"));
    assertThat(MessageId.parse("<a.1@x.example> (comment)"))
        .contains(new MessageId("<a.1@x.example>"));
    assertThat(MessageId.parse("  ")).isEmpty();
  }

  @Test
  void twoIdsAreTheSameWhateverTheCaseOfTheirDomainButNotOfTheirLocalPart() {
    assertThat(new MessageId("<Ab.1@EXCH01.Example>").key())
        .isEqualTo(new MessageId("<Ab.1@exch01.example>").key());
    assertThat(new MessageId("<ab.1@exch01.example>").key())
        .isNotEqualTo(new MessageId("<Ab.1@exch01.example>").key());
  }
}
