package dev.guardian.logs.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogTemplateMinerTest {

    private final LogTemplateMiner miner = LogTemplateMiner.withDefaults();

    private TemplateMatch mine(String message) {
        return miner.mine(message, 1_000L);
    }

    @Test
    void linesThatDifferOnlyInMaskedValuesShareATemplate() {
        TemplateMatch first = mine("Received block blk_1 of size 67108864 from /10.251.42.84");
        TemplateMatch second = mine("Received block blk_2 of size 3 from /10.250.11.53");

        assertThat(first.isNewTemplate()).isTrue();
        assertThat(second.isNewTemplate()).isFalse();
        assertThat(second.templateId()).isEqualTo(first.templateId());
        assertThat(second.template()).isEqualTo("Received block <*> of size <*> from <*>");
        assertThat(second.parameters()).containsExactly("blk_2", "3", "/10.250.11.53");
        assertThat(miner.size()).isEqualTo(1);
    }

    @Test
    void theTemplateTextKeepsTheSpacingOfTheMessage() {
        TemplateMatch match = mine("Error loading /bgl/apps/x.rts: invalid image, No such file");
        assertThat(match.template()).isEqualTo("Error loading <*>: invalid image, No such file");
        assertThat(mine("start time isn't for 3 seconds.").template())
                .isEqualTo("start time isn't for <*>");
    }

    @Test
    void theIdIsAHashOfTheTemplateText() {
        TemplateMatch match = mine("Starting worker 12");
        assertThat(match.templateId())
                .hasSize(16)
                .isEqualTo(LogTemplate.idOf(new String[] {"Starting", "worker", "<*>"}));
        assertThat(LogTemplateMiner.withDefaults().mine("Starting worker 99", 5).templateId())
                .isEqualTo(match.templateId());
    }

    @Test
    void aWordPositionGeneralisesAfterEnoughDistinctWords() {
        String cyrus = mine("session opened for user cyrus by LOGIN").templateId();
        String news = mine("session opened for user news by LOGIN").templateId();
        String test = mine("session opened for user test by LOGIN").templateId();
        assertThat(List.of(cyrus, news, test)).doesNotHaveDuplicates();
        assertThat(miner.size()).isEqualTo(3);

        TemplateMatch fourth = mine("session opened for user root by LOGIN");

        assertThat(fourth.template()).isEqualTo("session opened for user <*> by LOGIN");
        assertThat(fourth.parameters()).containsExactly("root");
        assertThat(fourth.mergedIds()).containsExactlyInAnyOrder(cyrus, news, test);
        assertThat(miner.size()).isEqualTo(1);
        assertThat(List.of(cyrus, news, test))
                .allSatisfy(id -> assertThat(miner.resolve(id)).isEqualTo(fourth.templateId()));
        assertThat(miner.template(cyrus).orElseThrow().count()).isEqualTo(4);
        assertThat(mine("session opened for user guest by LOGIN").templateId())
                .isEqualTo(fourth.templateId());
    }

    @Test
    void shortMessagesDoNotGeneraliseTheirWords() {
        for (String daemon : List.of("sdpd", "hcid", "cupsd", "klogd", "syslogd", "portmap")) {
            mine(daemon + " startup succeeded");
        }
        assertThat(miner.size()).isEqualTo(6);
    }

    @Test
    void aTemplateWithAMaskedValueAbsorbsTheSameLineWithAWord() {
        String word = mine("LOGIN chdir(pwd) failed: No such file or directory").templateId();
        TemplateMatch path = mine("LOGIN chdir(/home/x) failed: No such file or directory");

        assertThat(path.mergedIds()).containsExactly(word);
        assertThat(miner.resolve(word)).isEqualTo(path.templateId());
        assertThat(mine("LOGIN chdir(home) failed: No such file or directory").templateId())
                .isEqualTo(path.templateId());
    }

    @Test
    void theMostSpecificMatchingTemplateWins() {
        String oneWildcard = mine("job alpha 1 started on node beta").templateId();
        String twoWildcards = mine("job 7 gamma started on 9 beta").templateId();
        assertThat(miner.size()).isEqualTo(2);

        assertThat(mine("job alpha gamma started on node beta").templateId())
                .isEqualTo(oneWildcard);
        assertThat(mine("job omega gamma started on host beta").templateId())
                .isEqualTo(twoWildcards);
    }

    @Test
    void theNumberOfTemplatesIsCappedByEvictingTheLeastRecentlySeen() {
        LogTemplateMiner small =
                new LogTemplateMiner(TemplateMinerConfig.defaults().withMaxTemplates(3));
        String alpha = small.mine("alpha event happened", 1).templateId();
        small.mine("beta event happened", 2);
        small.mine("gamma event happened", 3);
        small.mine("alpha event happened", 4); // alpha is now the most recent
        small.mine("delta event happened", 5); // evicts beta

        assertThat(small.size()).isEqualTo(3);
        assertThat(small.templates())
                .extracting(LogTemplate::text)
                .containsExactly(
                        "alpha event happened", "gamma event happened", "delta event happened");

        TemplateMatch betaAgain = small.mine("beta event happened", 6);
        assertThat(betaAgain.isNewTemplate()).isTrue();
        assertThat(betaAgain.templateId())
                .isEqualTo(LogTemplate.idOf(new String[] {"beta", "event", "happened"}));
        assertThat(small.size()).isEqualTo(3);
        assertThat(small.template(alpha)).isPresent();
    }

    @Test
    void capHoldsUnderAStreamOfAllDifferentMessages() {
        LogTemplateMiner small =
                new LogTemplateMiner(TemplateMinerConfig.defaults().withMaxTemplates(50));
        for (int i = 0; i < 5_000; i++) {
            small.mine("event " + Integer.toString(i, 26).replaceAll("[0-9]", "x") + " seen", i);
        }
        assertThat(small.size()).isLessThanOrEqualTo(50);
        assertThat(small.aliases().size()).isLessThanOrEqualTo(small.config().maxAliases());
        assertThat(small.families().size()).isLessThanOrEqualTo(small.config().maxFamilies());
    }

    @Test
    void keepsOnlyTheStartOfALongExample() {
        String id = mine("payload " + "x ".repeat(5_000)).templateId();
        assertThat(miner.template(id).orElseThrow().example())
                .hasSizeLessThan(LogTemplate.MAX_EXAMPLE_LENGTH + 20)
                .endsWith("[truncated]");
    }

    @Test
    void recordsCountsAndFirstAndLastSeen() {
        miner.mine("disk full on sda1", 300);
        miner.mine("disk full on sdb2", 100);
        String id = miner.mine("disk full on sdc3", 200).templateId();
        LogTemplate template = miner.template(id).orElseThrow();

        assertThat(template.count()).isEqualTo(3);
        assertThat(template.firstSeen()).isEqualTo(100);
        assertThat(template.lastSeen()).isEqualTo(300);
        assertThat(template.example()).isEqualTo("disk full on sda1");
    }
}
