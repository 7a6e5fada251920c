package dev.guardian.logs.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogTokenizerTest {

    private final LogTokenizer tokenizer = new LogTokenizer(128);

    private String key(String message) {
        return tokenizer.tokenize(message).key();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "PacketResponder 1 for block blk_-6952295868487656571 terminating"
                        + "|PacketResponder <*> for block <*> terminating",
                "Receiving block src: /10.250.19.102:54106 dest: /10.250.19.102:50010"
                        + "|Receiving block src : <*> dest : <*>",
                "connect to 172.16.1.20:8080 failed|connect to <*> failed",
                "proxy.cse.cuhk.edu.hk:5070 open through proxy|<*> open through proxy",
                "fetch http://example.com/a?b=1 done|fetch <*> done",
                "BSSID changed to e0:e:ed:3c:1a:2b|BSSID changed to <*>",
                "addr fe80::c6b3:1ff:fecd:467f up|addr <*> up",
                "rhost=zummit.com user=root|rhost = <*> user = root",
                "id 0x7f3a and uuid 123e4567-e89b-12d3-a456-426614174000|id <*> and uuid <*>",
                "mail to bob@example.org bounced|mail to <*> bounced",
                "Error loading /home/yates//torus-latency.rts: invalid|Error loading <*> : invalid",
                "source path:/Library/Logs/[2017,51]-AuthFail:sts:2 copied"
                        + "|source path : <*> copied",
                "onExtend:1514038530000 14 0 4|onExtend : <*>",
                "channel changed to 6,11|channel changed to <*>",
                "data store interrupt caused by dcbf.........0|data store interrupt caused by dcbf .. <*>",
                "logname= uid=0 euid=0 tty=NODEVssh|logname = uid = <*> euid = <*> tty = NODEVssh",
            })
    void masksVariableLookingTokens(String message, String expected) {
        assertThat(key(message)).isEqualTo(expected);
    }

    @Test
    void joinsUnitsAndHumanReadableSizesToTheirValue() {
        assertThat(key("close, 12 bytes (1.2 KB) sent, 0 bytes received, lifetime <1 sec"))
                .isEqualTo(key("close, 403 bytes sent, 5 bytes (5.0 MB) received, lifetime 00:01"))
                .isEqualTo("close , <*> sent , <*> received , lifetime <*>");
        assertThat(key("took 0.2 sec. to complete")).isEqualTo(key("took 3 secs. to complete"));
    }

    @Test
    void joinsDatesWrittenWithDayAndMonthNames() {
        assertThat(key("connection from 1.2.3.4 () at Sun Jul 10 03:55:21 2005"))
                .isEqualTo(
                        key("connection from 1.2.3.4 (host9.example.net) at Wed Jun  1 3:5:2 2005"))
                .isEqualTo("connection from <*> at <*>");
    }

    @Test
    void keepsBracketedGroupsThatHoldWords() {
        assertThat(key("Block rdd_2_3 stored as bytes in memory (estimated size 16 B, free 1 KB)"))
                .isEqualTo("Block <*> stored as bytes in memory ( estimated size <*> , free <*> )");
        assertThat(key("LOGIN chdir(pwd) failed")).isEqualTo("LOGIN chdir ( pwd ) failed");
        assertThat(key("LOGIN chdir(/tmp/x) failed")).isEqualTo("LOGIN chdir ( <*> ) failed");
    }

    @Test
    void keepsWordsWithoutDigitsAndJavaNames() {
        assertThat(key("java.net.NoRouteToHostException: No route to host"))
                .isEqualTo("java.net.NoRouteToHostException : No route to host");
        assertThat(key("NameSystem.addStoredBlock: blockMap updated"))
                .isEqualTo("NameSystem.addStoredBlock : blockMap updated");
    }

    @Test
    void remembersTheOriginalTextOfEveryToken() {
        MaskedMessage masked = tokenizer.tokenize("sent 12 bytes (1.2 KB) to 10.0.0.1:80");
        assertThat(masked.key()).isEqualTo("sent <*> to <*>");
        assertThat(masked.original(1)).isEqualTo("12 bytes (1.2 KB)");
        assertThat(masked.original(3)).isEqualTo("10.0.0.1:80");
    }

    @Test
    void capsTheNumberOfTokensWithOneTrailingWildcard() {
        LogTokenizer short4 = new LogTokenizer(4);
        MaskedMessage masked = short4.tokenize("a b c d e f g");
        assertThat(masked.key()).isEqualTo("a b c <*>");
        assertThat(masked.original(3)).isEqualTo("d e f g");
    }

    @Test
    void masksWordsTooLongToBeConstant() {
        String blob = "a".repeat(LogTokenizer.MAX_WORD_LENGTH + 1);
        assertThat(key("token " + blob + " rejected")).isEqualTo("token <*> rejected");
    }

    @Test
    void emptyAndBlankMessagesHaveNoTokens() {
        assertThat(tokenizer.tokenize("").size()).isZero();
        assertThat(tokenizer.tokenize("  \t ").size()).isZero();
    }
}
