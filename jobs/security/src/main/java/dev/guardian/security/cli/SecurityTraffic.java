package dev.guardian.security.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * CloudTrail traffic of one AWS account for demos: a staff of IAM users and application roles, each
 * with its own address, client and region, making everyday API calls (mostly reads) and, for
 * people, console logins with MFA; and, at a chosen moment, an attack on one of the users: a
 * console brute force from an outside address (failed logins, then a success without MFA), followed
 * by discovery calls that are denied and CloudTrail logging stopped. Deterministic for a seed and a
 * start time.
 */
final class SecurityTraffic {

    static final String ACCOUNT = "111122223333";
    static final String ATTACKER_IP = "185.220.101.47";
    static final String ATTACKER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0";
    static final String TRAIL =
            "arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/management-events";

    /** The parts of the attack that can be injected. */
    enum Incident {
        BRUTE_FORCE,
        ACCESS_DENIED,
        LOGGING_STOPPED;

        static Set<Incident> parse(String list) {
            Set<Incident> out = EnumSet.noneOf(Incident.class);
            for (String name : list.split(",")) {
                String n = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
                if (n.isEmpty() || n.equals("NONE")) {
                    continue;
                }
                out.add(Incident.valueOf(n));
            }
            return out;
        }

        String cliName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Everyday calls: service, operation, read-only. None of them is what a rule looks for. */
    private static final String[][] CALLS = {
        {"ec2", "DescribeInstances", "r"},
        {"ec2", "DescribeVolumes", "r"},
        {"ec2", "DescribeSecurityGroups", "r"},
        {"ec2", "DescribeSubnets", "r"},
        {"s3", "GetObject", "r"},
        {"s3", "ListObjects", "r"},
        {"s3", "HeadObject", "r"},
        {"s3", "GetBucketLocation", "r"},
        {"iam", "GetUser", "r"},
        {"iam", "ListRoles", "r"},
        {"kms", "Decrypt", "r"},
        {"kms", "DescribeKey", "r"},
        {"lambda", "GetFunction", "r"},
        {"logs", "DescribeLogGroups", "r"},
        {"monitoring", "GetMetricData", "r"},
        {"rds", "DescribeDBInstances", "r"},
        {"dynamodb", "DescribeTable", "r"},
        {"ssm", "GetParameter", "r"},
        {"sqs", "ReceiveMessage", "r"},
        {"sns", "ListTopics", "r"},
        {"ec2", "CreateTags", "w"},
        {"ec2", "RunInstances", "w"},
        {"s3", "PutObject", "w"},
        {"dynamodb", "PutItem", "w"},
        {"sqs", "SendMessage", "w"},
        {"kms", "Encrypt", "w"},
        {"logs", "CreateLogStream", "w"}
    };

    /** Discovery an intruder tries with a user's console session; a developer may not. */
    private static final String[][] DISCOVERY = {
        {"iam", "ListUsers"},
        {"iam", "GetAccountAuthorizationDetails"},
        {"iam", "ListAccessKeys"},
        {"organizations", "ListAccounts"},
        {"secretsmanager", "ListSecrets"},
        {"iam", "ListPolicies"}
    };

    private static final String[] PEOPLE = {
        "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
        "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yara"
    };
    private static final String[] AGENTS = {
        "aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.debian.12",
        "Boto3/1.34.11 md/Botocore#1.34.11 ua/2.0 os/linux#6.1.0 lang/python#3.11.6",
        "aws-sdk-java/2.25.0 Linux/6.1 OpenJDK_64-Bit_Server_VM/17.0.10",
        "terraform-provider-aws/5.40.0 (+https://registry.terraform.io)"
    };
    private static final String BROWSER =
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 Safari/605.1.15";

    /** Who acts: a person (IAM user) or an application (a role session). */
    record Principal(String name, boolean person, String ip, String agent, String region) {
        String arn() {
            return person
                    ? "arn:aws:iam::" + ACCOUNT + ":user/" + name
                    : "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + name + "/" + name + "-session";
        }
    }

    /** A record and when it happens. */
    record Timed(Instant time, ObjectNode record, String key) {}

    private final Random random;
    private final List<Principal> staff = new ArrayList<>();
    private final Principal victim;
    private final Instant start;
    private final long benignNanos;
    private final PriorityQueue<Timed> attack =
            new PriorityQueue<>(Comparator.comparing(Timed::time));
    private long benign;

    /**
     * @param rate everyday events per second
     * @param attackAt when the attack starts, after {@code start}
     */
    SecurityTraffic(
            long seed,
            Instant start,
            double rate,
            int principals,
            Set<Incident> incidents,
            Duration attackAt,
            int failures) {
        this.random = new Random(seed ^ start.toEpochMilli());
        this.start = start;
        this.benignNanos = (long) (1e9 / rate);
        for (int i = 0; i < principals; i++) {
            boolean person = i % 3 != 2;
            String name =
                    person
                            ? PEOPLE[(i - i / 3) % PEOPLE.length] + (i >= 30 ? "-" + i : "")
                            : "app-"
                                    + new String[] {"orders", "billing", "search", "etl", "web"}
                                            [(i / 3) % 5]
                                    + "-"
                                    + (i / 15);
            staff.add(
                    new Principal(
                            name,
                            person,
                            (person ? "198.51.100." : "203.0.113.") + (10 + i % 240),
                            person ? AGENTS[i % 2] : AGENTS[2 + i % 2],
                            i % 7 == 6 ? "eu-west-1" : "us-east-1"));
        }
        this.victim = staff.get(0);
        schedule(incidents, start.plus(attackAt), failures);
    }

    Principal victim() {
        return victim;
    }

    /** The next record in time order (everyday traffic and the attack merged). */
    Timed next() {
        Instant benignTime = start.plusNanos(benign * benignNanos);
        if (!attack.isEmpty() && !attack.peek().time().isAfter(benignTime)) {
            return attack.poll();
        }
        benign++;
        return everyday(benignTime);
    }

    /** When the attack's records happen, to tell the user what to look for. */
    List<Timed> attackTimeline() {
        List<Timed> out = new ArrayList<>(attack);
        out.sort(Comparator.comparing(Timed::time));
        return out;
    }

    private Timed everyday(Instant time) {
        Principal p = staff.get(random.nextInt(staff.size()));
        if (p.person() && random.nextInt(100) == 0) {
            return new Timed(time, login(time, p, p.ip(), BROWSER, true, true), p.arn());
        }
        String[] call = CALLS[random.nextInt(CALLS.length)];
        ObjectNode r = call(time, p, p.ip(), p.agent(), call[0], call[1], call[2].equals("r"));
        if (random.nextInt(200) == 0) {
            denied(r);
        }
        return new Timed(time, r, p.arn());
    }

    private void schedule(Set<Incident> incidents, Instant at, int failures) {
        if (!incidents.contains(Incident.BRUTE_FORCE)) {
            at = at.minusSeconds(4L * failures + 5);
        }
        Instant success = at.plusSeconds(4L * failures + 5);
        if (incidents.contains(Incident.BRUTE_FORCE)) {
            for (int i = 0; i < failures; i++) {
                Instant t = at.plusSeconds(4L * i);
                add(t, login(t, victim, ATTACKER_IP, ATTACKER_AGENT, false, false));
            }
            add(success, login(success, victim, ATTACKER_IP, ATTACKER_AGENT, true, false));
        }
        if (incidents.contains(Incident.ACCESS_DENIED)) {
            for (int i = 0; i < 25; i++) {
                Instant t = success.plusSeconds(20 + 2L * i);
                String[] call = DISCOVERY[i % DISCOVERY.length];
                ObjectNode r = call(t, victim, ATTACKER_IP, ATTACKER_AGENT, call[0], call[1], true);
                console(r);
                denied(r);
                add(t, r);
            }
        }
        if (incidents.contains(Incident.LOGGING_STOPPED)) {
            Instant t = success.plusSeconds(90);
            ObjectNode r =
                    call(
                            t,
                            victim,
                            ATTACKER_IP,
                            ATTACKER_AGENT,
                            "cloudtrail",
                            "StopLogging",
                            false);
            console(r);
            r.putObject("requestParameters").put("name", TRAIL);
            add(t, r);
        }
    }

    private void add(Instant time, ObjectNode record) {
        attack.add(new Timed(time, record, victim.arn()));
    }

    private ObjectNode base(Instant time, Principal p, String ip, String agent) {
        ObjectNode r = CloudTrailRecords.json().createObjectNode();
        r.put("eventVersion", "1.09");
        ObjectNode identity = r.putObject("userIdentity");
        if (p.person()) {
            identity.put("type", "IAMUser");
            identity.put("principalId", "AIDA" + id(p.name()));
            identity.put("arn", p.arn());
            identity.put("accountId", ACCOUNT);
            identity.put("accessKeyId", "AKIA" + id(p.name() + "key"));
            identity.put("userName", p.name());
        } else {
            identity.put("type", "AssumedRole");
            identity.put("principalId", "AROA" + id(p.name()) + ":" + p.name() + "-session");
            identity.put("arn", p.arn());
            identity.put("accountId", ACCOUNT);
            identity.put("accessKeyId", "ASIA" + id(p.name() + "session"));
            ObjectNode issuer = identity.putObject("sessionContext").putObject("sessionIssuer");
            issuer.put("type", "Role");
            issuer.put("principalId", "AROA" + id(p.name()));
            issuer.put("arn", "arn:aws:iam::" + ACCOUNT + ":role/" + p.name());
            issuer.put("accountId", ACCOUNT);
            issuer.put("userName", p.name());
        }
        r.put(
                "eventTime",
                TimeShift.format(time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        r.put("awsRegion", p.region());
        r.put("sourceIPAddress", ip);
        r.put("userAgent", agent);
        return r;
    }

    private ObjectNode call(
            Instant time,
            Principal p,
            String ip,
            String agent,
            String service,
            String operation,
            boolean readOnly) {
        ObjectNode r = base(time, p, ip, agent);
        r.put("eventSource", service + ".amazonaws.com");
        r.put("eventName", operation);
        r.putObject("requestParameters").put("maxResults", 100);
        r.putNull("responseElements");
        finish(r, readOnly, "AwsApiCall");
        return r;
    }

    private ObjectNode login(
            Instant time, Principal p, String ip, String agent, boolean success, boolean mfa) {
        ObjectNode r = base(time, p, ip, agent);
        if (!success) {
            // CloudTrail leaves the ARN out of failed logins
            ((ObjectNode) r.get("userIdentity")).remove(List.of("arn", "accessKeyId"));
            r.put("errorMessage", "Failed authentication");
        }
        r.put("eventSource", "signin.amazonaws.com");
        r.put("eventName", "ConsoleLogin");
        r.putNull("requestParameters");
        r.putObject("responseElements").put("ConsoleLogin", success ? "Success" : "Failure");
        ObjectNode data = r.putObject("additionalEventData");
        data.put("LoginTo", "https://console.aws.amazon.com/console/home");
        data.put("MobileVersion", "No");
        data.put("MFAUsed", mfa ? "Yes" : "No");
        finish(r, false, "AwsConsoleSignIn");
        return r;
    }

    /** A call made from a console session (signed in without MFA). */
    private static void console(ObjectNode r) {
        ObjectNode identity = (ObjectNode) r.get("userIdentity");
        identity.put("accessKeyId", "ASIA" + id(identity.path("userName").asText() + "console"));
        identity.putObject("sessionContext")
                .putObject("attributes")
                .put("mfaAuthenticated", "false")
                .put("creationDate", r.path("eventTime").asText());
    }

    private static void denied(ObjectNode r) {
        r.put("errorCode", "AccessDenied");
        r.put(
                "errorMessage",
                "User: "
                        + r.path("userIdentity").path("arn").asText()
                        + " is not authorized to perform: "
                        + r.path("eventSource").asText().replace(".amazonaws.com", "")
                        + ":"
                        + r.path("eventName").asText());
    }

    private void finish(ObjectNode r, boolean readOnly, String type) {
        r.put("requestID", new UUID(random.nextLong(), random.nextLong()).toString());
        r.put("eventID", new UUID(random.nextLong(), random.nextLong()).toString());
        r.put("readOnly", readOnly);
        r.put("eventType", type);
        r.put("managementEvent", true);
        r.put("recipientAccountId", ACCOUNT);
        r.put("eventCategory", "Management");
    }

    private static String id(String seed) {
        return String.format("%016X", seed.hashCode() * 0x9E3779B97F4A7C15L).substring(0, 16);
    }
}
