package dev.guardian.security.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * CloudTrail-like records for benchmarks: the API mix of a busy account (mostly reads across many
 * services, some writes, a few calls the rules look for), realistic identities and parameters,
 * about a kilobyte each.
 */
final class SyntheticCloudTrail {

    private static final String[][] READS = {
        {"ec2", "DescribeInstances"},
        {"ec2", "DescribeVolumes"},
        {"ec2", "DescribeSecurityGroups"},
        {"ec2", "DescribeSnapshots"},
        {"ec2", "DescribeAddresses"},
        {"ec2", "DescribeTags"},
        {"s3", "GetObject"},
        {"s3", "ListObjects"},
        {"s3", "HeadBucket"},
        {"s3", "GetBucketAcl"},
        {"iam", "GetUser"},
        {"iam", "ListRoles"},
        {"iam", "GetPolicy"},
        {"sts", "GetCallerIdentity"},
        {"kms", "Decrypt"},
        {"kms", "DescribeKey"},
        {"lambda", "GetFunction"},
        {"logs", "DescribeLogGroups"},
        {"monitoring", "GetMetricData"},
        {"rds", "DescribeDBInstances"},
        {"dynamodb", "DescribeTable"},
        {"ssm", "GetParameter"},
        {"secretsmanager", "GetSecretValue"},
        {"ecs", "DescribeTasks"},
        {"eks", "DescribeCluster"},
        {"cloudtrail", "LookupEvents"},
        {"guardduty", "ListFindings"},
        {"elasticloadbalancing", "DescribeLoadBalancers"},
        {"autoscaling", "DescribeAutoScalingGroups"},
        {"sqs", "ReceiveMessage"},
        {"sns", "ListTopics"},
        {"route53", "ListHostedZones"}
    };
    private static final String[][] WRITES = {
        {"ec2", "RunInstances"}, {"ec2", "CreateTags"}, {"ec2", "TerminateInstances"},
        {"s3", "PutObject"}, {"s3", "CreateBucket"}, {"iam", "AttachRolePolicy"},
        {"lambda", "UpdateFunctionCode20150331v2"}, {"sts", "AssumeRole"}, {"kms", "Encrypt"},
        {"logs", "CreateLogStream"}, {"ssm", "PutParameter"}, {"ecs", "RunTask"},
        {"dynamodb", "PutItem"}, {"sqs", "SendMessage"}, {"rds", "CreateDBSnapshot"}
    };
    private static final String[][] WATCHED = {
        {"cloudtrail", "StopLogging"},
        {"signin", "ConsoleLogin"},
        {"iam", "CreateAccessKey"},
        {"ec2", "AuthorizeSecurityGroupIngress"},
        {"s3", "PutBucketVersioning"},
        {"guardduty", "DeleteDetector"},
        {"ec2", "ModifySnapshotAttribute"},
        {"iam", "CreateUser"},
        {"sts", "GetSessionToken"},
        {"ec2", "CreateRoute"},
        {"s3", "ListBuckets"},
        {"lambda", "UpdateFunctionConfiguration20150331v2"},
        {"iam", "UpdateLoginProfile"}
    };
    private static final String[] AGENTS = {
        "aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.debian.12",
        "Boto3/1.34.11 md/Botocore#1.34.11 ua/2.0 os/linux#6.1.0 lang/python#3.11.6",
        "aws-sdk-java/2.25.0 Linux/6.1 OpenJDK_64-Bit_Server_VM/17.0.10",
        "console.amazonaws.com",
        "AWS Internal",
        "S3 Browser 11.5.7 https://s3browser.com",
        "terraform-provider-aws/5.40.0 (+https://registry.terraform.io)"
    };

    private SyntheticCloudTrail() {}

    /** {@code count} serialized records, deterministic for a seed. */
    static List<byte[]> generate(int count, long seed) {
        return generate(count, seed, Instant.parse("2024-05-01T00:00:00Z"));
    }

    /** The same, the first record at {@code start} and each next one 37 ms later. */
    static List<byte[]> generate(int count, long seed, Instant start) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int dice = random.nextInt(100);
            String[] api =
                    dice < 80
                            ? READS[random.nextInt(READS.length)]
                            : dice < 97
                                    ? WRITES[random.nextInt(WRITES.length)]
                                    : WATCHED[random.nextInt(WATCHED.length)];
            out.add(record(random, api, start.plusMillis(i * 37L)).toString().getBytes());
        }
        return out;
    }

    private static ObjectNode record(Random random, String[] api, Instant time) {
        ObjectNode r = CloudTrailRecords.json().createObjectNode();
        int user = random.nextInt(200);
        boolean role = random.nextInt(3) == 0;
        r.put("eventVersion", "1.08");
        ObjectNode identity = r.putObject("userIdentity");
        if (role) {
            identity.put("type", "AssumedRole");
            identity.put("principalId", "AROAEXAMPLE" + user + ":session-" + user);
            identity.put(
                    "arn",
                    "arn:aws:sts::111122223333:assumed-role/app-role-"
                            + (user % 20)
                            + "/session-"
                            + user);
            ObjectNode issuer = identity.putObject("sessionContext").putObject("sessionIssuer");
            issuer.put("type", "Role");
            issuer.put("arn", "arn:aws:iam::111122223333:role/app-role-" + (user % 20));
        } else {
            identity.put("type", "IAMUser");
            identity.put("principalId", "AIDAEXAMPLE" + user);
            identity.put("arn", "arn:aws:iam::111122223333:user/user-" + user);
            identity.put("userName", "user-" + user);
        }
        identity.put("accountId", "111122223333");
        identity.put("accessKeyId", "AKIAEXAMPLE" + user);
        r.put("eventTime", time.toString());
        r.put("eventSource", api[0] + ".amazonaws.com");
        r.put("eventName", api[1]);
        r.put("awsRegion", random.nextInt(10) == 0 ? "eu-west-1" : "us-east-1");
        r.put("sourceIPAddress", "198.51." + random.nextInt(256) + "." + random.nextInt(256));
        r.put("userAgent", AGENTS[random.nextInt(AGENTS.length)]);
        if (random.nextInt(25) == 0) {
            r.put("errorCode", "AccessDenied");
            r.put("errorMessage", "User is not authorized to perform this operation");
        }
        ObjectNode params = r.putObject("requestParameters");
        params.put("resourceId", "res-" + Long.toHexString(random.nextLong()));
        params.put("maxResults", 100);
        ArrayNode filters = params.putArray("filterSet");
        filters.addObject().put("name", "tag:team").put("value", "payments");
        if (api[1].equals("PutBucketVersioning")) {
            params.putObject("VersioningConfiguration")
                    .put("Status", random.nextBoolean() ? "Suspended" : "Enabled");
        }
        if (api[1].equals("ConsoleLogin")) {
            r.putObject("responseElements")
                    .put("ConsoleLogin", random.nextInt(4) == 0 ? "Failure" : "Success");
            r.putObject("additionalEventData").put("MFAUsed", random.nextBoolean() ? "Yes" : "No");
        } else {
            r.putNull("responseElements");
        }
        r.put("requestID", Long.toHexString(random.nextLong()));
        r.put("eventID", Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
        r.put(
                "readOnly",
                api[1].startsWith("Describe")
                        || api[1].startsWith("Get")
                        || api[1].startsWith("List"));
        r.put("eventType", "AwsApiCall");
        r.put("managementEvent", true);
        r.put("recipientAccountId", "111122223333");
        r.put("eventCategory", "Management");
        r.putObject("tlsDetails")
                .put("tlsVersion", "TLSv1.3")
                .put("cipherSuite", "TLS_AES_128_GCM_SHA256")
                .put("clientProvidedHostHeader", api[0] + ".us-east-1.amazonaws.com");
        return r;
    }
}
