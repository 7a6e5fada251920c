package dev.guardian.schemas;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One fully populated record of each kind, with named instants. */
public final class SampleRecords {
    public static final Instant HOUR_START = Instant.parse("2024-09-18T22:00:00Z");
    public static final Instant HOUR_END = Instant.parse("2024-09-18T23:00:00Z");
    public static final Instant MONTH_START = Instant.parse("2024-09-01T00:00:00Z");
    public static final Instant MONTH_END = Instant.parse("2024-10-01T00:00:00Z");
    public static final Instant NOON = Instant.parse("2024-09-18T12:00:00.123Z");

    private SampleRecords() {}

    public static MetricPoint metricPoint() {
        return MetricPoint.newBuilder()
                .setTimestamp(NOON)
                .setName("http_server_requests_total")
                .setLabels(Map.of("method", "GET", "code", "500"))
                .setValue(42.5)
                .setType(MetricType.COUNTER)
                .setUnit("1")
                .build();
    }

    public static LogEvent logEvent() {
        return LogEvent.newBuilder()
                .setTimestamp(NOON)
                .setService("checkout")
                .setHost("web-1")
                .setSeverity(Severity.ERROR)
                .setMessage("Payment provider timed out after 3000 ms")
                .setLogger("dev.shop.Payments")
                .setTraceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .setSpanId("00f067aa0ba902b7")
                .setAttributes(Map.of("http.status_code", "504"))
                .build();
    }

    public static BillingRecord billingRecord() {
        return BillingRecord.newBuilder()
                .setRecordId("11472")
                .setProviderName("AWS")
                .setPublisherName("Amazon Web Services, Inc.")
                .setInvoiceIssuerName("Amazon Web Services, Inc.")
                .setBillingAccountId("1234567890123")
                .setBillingAccountName("SunBird")
                .setSubAccountId("51738928782")
                .setSubAccountName("Atlas Nimbus")
                .setServiceName("Amazon Simple Queue Service")
                .setServiceCategory("Integration")
                .setRegionId("us-west-2")
                .setRegionName("US West (Oregon)")
                .setResourceId("arn:aws:sqs:us-west-2:347410479675:orders")
                .setSkuId("G95FST5FTYV3JSRX")
                .setSkuPriceId("G95FST5FTYV3JSRX.JRTCKXETXF.VXGXCWQKTY")
                .setChargeCategory("Usage")
                .setChargeDescription("$0.40 per million Amazon SQS standard requests")
                .setChargeFrequency("Usage-Based")
                .setChargePeriodStart(HOUR_START)
                .setChargePeriodEnd(HOUR_END)
                .setBillingPeriodStart(MONTH_START)
                .setBillingPeriodEnd(MONTH_END)
                .setBilledCost(money("0.0000008"))
                .setEffectiveCost(money("0.0000008"))
                .setListCost(money("0.0000008"))
                .setContractedCost(money("0"))
                .setBillingCurrency("USD")
                .setConsumedQuantity(money("2"))
                .setConsumedUnit("Requests")
                .setPricingCategory("Standard")
                .setPricingQuantity(money("2.0"))
                .setPricingUnit("Requests")
                .setListUnitPrice(money("0.0000004"))
                .setTags(Map.of("environment", "dev", "application", "BrightLensMatrix"))
                .build();
    }

    public static SecurityEvent securityEvent() {
        return SecurityEvent.newBuilder()
                .setTime(NOON)
                .setActor("arn:aws:iam::123456789123:user/pedro")
                .setSourceIp("1.2.3.4")
                .setUserAgent("aws-cli/2.13.0")
                .setService("s3.amazonaws.com")
                .setOperation("GetObject")
                .setOutcome(Outcome.SUCCESS)
                .setRegion("us-east-1")
                .setResource("arn:aws:s3:::finance-reports")
                .setEventId("fd4f1042-c7f6-4107-a6ee-d841d92596e7")
                .setAccountId("123456789123")
                .setOriginalJson("{\"eventName\":\"GetObject\"}")
                .build();
    }

    public static Anomaly anomaly() {
        return Anomaly.newBuilder()
                .setId("a-1")
                .setSource(Source.METRICS)
                .setEntity("http_server_requests_total{code=\"500\"}")
                .setMetric("http_server_requests_total")
                .setLabels(Map.of("code", "500"))
                .setTime(NOON)
                .setValue(42.5)
                .setExpected(3.0)
                .setLower(0.0)
                .setUpper(7.5)
                .setUnit("1")
                .setScore(0.97)
                .setGrade(AnomalyGrade.CRITICAL)
                .setDetector("robust-seasonal/1")
                .setDriver("code")
                .setExplanation("42.5 errors/s, expected 3 (band 0 to 7.5)")
                .setLinks(Map.of("raw", "http://localhost:8123/?query=..."))
                .setEvidence(Map.of("previous", "2.9"))
                .build();
    }

    public static Forecast forecast() {
        ForecastPoint point =
                ForecastPoint.newBuilder()
                        .setTime(HOUR_END)
                        .setExpected(money("12.5"))
                        .setLower80(money("10"))
                        .setUpper80(money("15"))
                        .setLower95(money("9.1234567891"))
                        .setUpper95(money("16"))
                        .build();
        return Forecast.newBuilder()
                .setId("f-1")
                .setEntity("1234567890123|Amazon Simple Queue Service")
                .setMetric("effectiveCost")
                .setDimensions(Map.of("billingAccountId", "1234567890123"))
                .setCurrency("USD")
                .setGeneratedAt(HOUR_START)
                .setHorizonStart(HOUR_END)
                .setStepMillis(3_600_000L)
                .setPoints(List.of(point, point))
                .setModel("seasonal-naive")
                .setModelVersion("2024-09-18")
                .build();
    }

    public static Detection detection() {
        return Detection.newBuilder()
                .setId("d-1")
                .setRuleId("4d9d3a64-1d3b-4b5e-9c53-1a2b3c4d5e6f")
                .setRuleTitle("AWS S3 Data Exfiltration")
                .setLevel(DetectionLevel.HIGH)
                .setTags(List.of("attack.exfiltration", "attack.t1530"))
                .setTime(NOON)
                .setWindowStart(HOUR_START)
                .setWindowEnd(HOUR_END)
                .setGroupBy(Map.of("actor", "pedro"))
                .setMatchedEventIds(List.of("e-1", "e-2"))
                .setEvents(List.of("{\"eventName\":\"GetObject\"}"))
                .setFields(Map.of("sourceIp", "1.2.3.4"))
                .build();
    }

    public static Alert alert() {
        return Alert.newBuilder()
                .setFingerprint("fp-1")
                .setSource(Source.SECURITY)
                .setSeverity(AlertSeverity.CRITICAL)
                .setStatus(AlertStatus.FIRING)
                .setTitle("S3 exfiltration by pedro")
                .setSummary("103 GetObject calls from 1.2.3.4")
                .setEntity("arn:aws:iam::123456789123:user/pedro")
                .setLabels(Map.of("team", "security"))
                .setLinks(
                        List.of(
                                new Link("http://localhost:5601/d-1", "Detection"),
                                new Link("http://x", null)))
                .setEvidence(Map.of("events", "103"))
                .setValue(103.0)
                .setStartsAt(HOUR_START)
                .setTime(NOON)
                .setRunbook("https://runbooks/s3-exfil")
                .setOriginId("d-1")
                .build();
    }

    public static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setOriginalBytes(ByteBuffer.wrap("{not json".getBytes(StandardCharsets.UTF_8)))
                .setOriginalKey(ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .setTopic("logs.events")
                .setPartition(3)
                .setOffset(123_456_789_012L)
                .setErrorClass("dev.guardian.schemas.serde.RecordDecodingException")
                .setErrorMessage("Cannot decode LogEvent: malformed JSON")
                .setFailedAt(NOON)
                .setJob("guardian-logs")
                .setStage("decode")
                .build();
    }

    /** Amounts as they come back from the wire: decimal(38,18), so equals holds after a trip. */
    public static BigDecimal money(String amount) {
        return Money.normalize(new BigDecimal(amount));
    }

    public static List<SpecificRecord> all() {
        return List.of(
                metricPoint(),
                logEvent(),
                billingRecord(),
                securityEvent(),
                anomaly(),
                forecast(),
                detection(),
                alert(),
                deadLetter());
    }
}
