package dev.guardian.logs.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.cli.SharedData;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogFileFormatTest {

    private static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void eachHeaderGivesTimeLevelComponentHostAndMessage() {
        var hdfs =
                LogFileFormat.HDFS.parse(
                        "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating",
                        2026);
        assertThat(hdfs.timeMillis()).isEqualTo(t("2008-11-09T20:36:15Z"));
        assertThat(hdfs.severity()).isEqualTo("INFO");
        assertThat(hdfs.component()).isEqualTo("dfs.DataNode$PacketResponder");
        assertThat(hdfs.content()).startsWith("PacketResponder 1 for block");

        var hadoop =
                LogFileFormat.HADOOP.parse(
                        "2015-10-18 18:01:47,978 WARN [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Executing with tokens:",
                        2026);
        assertThat(hadoop.timeMillis()).isEqualTo(t("2015-10-18T18:01:47.978Z"));
        assertThat(hadoop.severity()).isEqualTo("WARN");
        assertThat(hadoop.content()).isEqualTo("Executing with tokens:");

        var spark =
                LogFileFormat.SPARK.parse(
                        "17/06/09 20:10:40 ERROR executor.CoarseGrainedExecutorBackend: RECEIVED SIGNAL TERM",
                        2026);
        assertThat(spark.timeMillis()).isEqualTo(t("2017-06-09T20:10:40Z"));
        assertThat(spark.severity()).isEqualTo("ERROR");

        var bgl =
                LogFileFormat.BGL.parse(
                        "APPREAD 1117869872 2005.06.04 R04-M1-N4-I:J18-U11 2005-06-04-00.24.32.432192 R04-M1-N4-I:J18-U11 RAS APP FATAL ciod: failed to read message prefix on control stream",
                        2026);
        assertThat(bgl.timeMillis()).isEqualTo(1117869872432L);
        assertThat(bgl.severity()).isEqualTo("FATAL");
        assertThat(bgl.host()).isEqualTo("R04-M1-N4-I:J18-U11");
        assertThat(bgl.label()).isEqualTo("APPREAD");
        assertThat(bgl.component()).isEqualTo("APP");

        var linux =
                LogFileFormat.LINUX.parse(
                        "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0",
                        2005);
        assertThat(linux.timeMillis()).isEqualTo(t("2005-06-14T15:16:01Z"));
        assertThat(linux.host()).isEqualTo("combo");
        assertThat(linux.component()).isEqualTo("sshd(pam_unix)");
        assertThat(linux.severity()).isEqualTo("UNKNOWN");

        var mac =
                LogFileFormat.MAC.parse(
                        "Jul  1 09:01:06 calvisitor-10-105-160-95 Google Chrome Helper[10018]: FA||Url||taskID[2019352994] dealloc",
                        2017);
        assertThat(mac.component()).isEqualTo("Google Chrome Helper");
        assertThat(mac.content()).isEqualTo("FA||Url||taskID[2019352994] dealloc");

        var health =
                LogFileFormat.HEALTHAPP.parse(
                        "20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579", 2026);
        assertThat(health.timeMillis()).isEqualTo(t("2017-12-23T22:15:29.606Z"));
        assertThat(health.component()).isEqualTo("Step_LSC");

        var proxifier =
                LogFileFormat.PROXIFIER.parse(
                        "[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy proxy.cse.cuhk.edu.hk:5070 HTTPS",
                        2016);
        assertThat(proxifier.timeMillis()).isEqualTo(t("2016-10-30T16:49:06Z"));
        assertThat(proxifier.component()).isEqualTo("chrome.exe");

        var generic =
                LogFileFormat.GENERIC.parse(
                        "2026-01-05T12:00:01.5+02:00 [main] ERROR c.Pay - card declined", 2026);
        assertThat(generic.timeMillis()).isEqualTo(t("2026-01-05T10:00:01.500Z"));
        assertThat(generic.severity()).isEqualTo("ERROR");
        assertThat(generic.content()).isEqualTo("[main] ERROR c.Pay - card declined");

        assertThat(LogFileFormat.HDFS.parse("\tat java.lang.Thread.run(Thread.java:745)", 2026))
                .isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "BGL, bgl", "HDFS, hdfs", "Hadoop, hadoop", "HealthApp, healthapp",
        "Linux, linux", "Mac, linux", "Proxifier, proxifier", "Spark, spark"
    })
    void detectsTheFormatOfEachLoghubFile(String system, String format) throws Exception {
        Path file = SharedData.resolve("loghub/" + system + "/" + system + "_2k.log");
        List<String> sample = LogFileReader.sample(file, 50);
        assertThat(LogFileFormat.detect(sample, 2026).cliName()).isEqualTo(format);
        try (LogFileReader reader =
                LogFileReader.open(file, LogFileFormat.fromCliName(format), 2017)) {
            long events = 0;
            for (ReplayEvent e = reader.next(); e != null; e = reader.next()) {
                events++;
            }
            assertThat(events + reader.continuations()).isEqualTo(2000);
            assertThat(reader.headerless()).isZero();
        }
    }
}
