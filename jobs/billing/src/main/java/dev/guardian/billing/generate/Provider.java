package dev.guardian.billing.generate;

import java.util.List;

/** A cloud provider as FOCUS names it, with the services, SKUs and regions the generator uses. */
public final class Provider {

    /** A service with its FOCUS category and SKUs. */
    public static final class Service {
        public final String name;
        public final String category;
        public final String resourcePrefix;
        public final List<Sku> skus;

        Service(String name, String category, String resourcePrefix, List<Sku> skus) {
            this.name = name;
            this.category = category;
            this.resourcePrefix = resourcePrefix;
            this.skus = skus;
        }

        Sku sku(String id) {
            return skus.stream()
                    .filter(s -> s.id.equals(id))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + " has no SKU " + id));
        }
    }

    /** A region with its UTC offset, so load peaks in local afternoon. */
    public static final class Region {
        public final String id;
        public final String name;
        public final int utcOffsetHours;

        Region(String id, String name, int utcOffsetHours) {
            this.id = id;
            this.name = name;
            this.utcOffsetHours = utcOffsetHours;
        }
    }

    public final String name;
    public final String invoiceIssuer;
    public final List<Service> services;
    public final List<Region> regions;

    Provider(String name, String invoiceIssuer, List<Service> services, List<Region> regions) {
        this.name = name;
        this.invoiceIssuer = invoiceIssuer;
        this.services = services;
        this.regions = regions;
    }

    public Service service(String serviceName) {
        return services.stream()
                .filter(s -> s.name.equals(serviceName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no " + serviceName));
    }

    static final Provider AWS =
            new Provider(
                    "AWS",
                    "Amazon Web Services, Inc.",
                    List.of(
                            new Service(
                                    "Amazon Elastic Compute Cloud",
                                    "Compute",
                                    "i-",
                                    List.of(
                                            new Sku(
                                                    "BoxUsage:m5.xlarge",
                                                    "$0.192 per On Demand Linux m5.xlarge Instance Hour",
                                                    "0.192",
                                                    "Hrs",
                                                    "Hrs"),
                                            new Sku(
                                                    "BoxUsage:c6i.4xlarge",
                                                    "$0.68 per On Demand Linux c6i.4xlarge Instance Hour",
                                                    "0.68",
                                                    "Hrs",
                                                    "Hrs"),
                                            new Sku(
                                                    "BoxUsage:r6g.2xlarge",
                                                    "$0.4032 per On Demand Linux r6g.2xlarge Instance Hour",
                                                    "0.4032",
                                                    "Hrs",
                                                    "Hrs"),
                                            new Sku(
                                                    "BoxUsage:p4d.24xlarge",
                                                    "$32.7726 per On Demand Linux p4d.24xlarge Instance Hour",
                                                    "32.7726",
                                                    "Hrs",
                                                    "Hrs"),
                                            new Sku(
                                                    "EBS:VolumeUsage.gp3",
                                                    "$0.08 per GB-month of General Purpose (gp3) provisioned storage",
                                                    "0.0001095890",
                                                    "GB-Hours",
                                                    "GB-Hours"))),
                            new Service(
                                    "Amazon Simple Storage Service",
                                    "Storage",
                                    "arn:aws:s3:::",
                                    List.of(
                                            new Sku(
                                                    "TimedStorage-ByteHrs",
                                                    "$0.023 per GB - first 50 TB / month of storage used",
                                                    "0.0000315068",
                                                    "GB-Hours",
                                                    "GB-Hours"),
                                            new Sku(
                                                    "Requests-Tier1",
                                                    "$0.005 per 1,000 PUT, COPY, POST, or LIST requests",
                                                    "0.000005",
                                                    "Requests",
                                                    "Requests"))),
                            new Service(
                                    "AWS Data Transfer",
                                    "Networking",
                                    "arn:aws:ec2:natgateway/nat-",
                                    List.of(
                                            new Sku(
                                                    "DataTransfer-Out-Bytes",
                                                    "$0.09 per GB - first 10 TB / month data transfer out",
                                                    "0.09",
                                                    "GB",
                                                    "GB"))),
                            new Service(
                                    "Amazon Relational Database Service",
                                    "Databases",
                                    "arn:aws:rds:db:",
                                    List.of(
                                            new Sku(
                                                    "InstanceUsage:db.r6g.xlarge",
                                                    "$0.48 per RDS db.r6g.xlarge Multi-AZ instance hour",
                                                    "0.48",
                                                    "Hrs",
                                                    "Hrs"))),
                            new Service(
                                    "AWS Lambda",
                                    "Compute",
                                    "arn:aws:lambda:function:",
                                    List.of(
                                            new Sku(
                                                    "Lambda-GB-Second",
                                                    "AWS Lambda - Total Compute - $0.0000166667 per GB-second",
                                                    "0.0000166667",
                                                    "GB-Seconds",
                                                    "GB-Seconds"))),
                            new Service(
                                    "Amazon DynamoDB",
                                    "Databases",
                                    "arn:aws:dynamodb:table/",
                                    List.of(
                                            new Sku(
                                                    "ReadRequestUnits",
                                                    "$0.25 per million read request units",
                                                    "0.00000025",
                                                    "ReadRequestUnits",
                                                    "ReadRequestUnits"))),
                            new Service(
                                    "Amazon Elastic Kubernetes Service",
                                    "Compute",
                                    "arn:aws:eks:cluster/",
                                    List.of(
                                            new Sku(
                                                    "AmazonEKS-Hours:perCluster",
                                                    "$0.10 per hour per EKS cluster",
                                                    "0.10",
                                                    "Hours",
                                                    "Hours"))),
                            new Service(
                                    "Amazon CloudFront",
                                    "Networking",
                                    "arn:aws:cloudfront::distribution/E",
                                    List.of(
                                            new Sku(
                                                    "DataTransfer-Out-Bytes-CF",
                                                    "$0.085 per GB - first 10 TB / month data transfer out",
                                                    "0.085",
                                                    "GB",
                                                    "GB")))),
                    List.of(
                            new Region("us-east-1", "US East (N. Virginia)", -5),
                            new Region("us-west-2", "US West (Oregon)", -8),
                            new Region("eu-west-1", "Europe (Ireland)", 0)));

    static final Provider MICROSOFT =
            new Provider(
                    "Microsoft",
                    "Microsoft",
                    List.of(
                            new Service(
                                    "Virtual Machines",
                                    "Compute",
                                    "/subscriptions/vm/",
                                    List.of(
                                            new Sku(
                                                    "D4s v5",
                                                    "D4s v5 Linux Virtual Machine hour",
                                                    "0.192",
                                                    "1 Hour",
                                                    "Hours"))),
                            new Service(
                                    "Storage",
                                    "Storage",
                                    "/subscriptions/storageAccounts/",
                                    List.of(
                                            new Sku(
                                                    "Hot LRS Data Stored",
                                                    "Blob Storage Hot LRS per GB-hour",
                                                    "0.0000253",
                                                    "1 GB/Hour",
                                                    "GB-Hours"))),
                            new Service(
                                    "Azure SQL Database",
                                    "Databases",
                                    "/subscriptions/sql/",
                                    List.of(
                                            new Sku(
                                                    "vCore General Purpose",
                                                    "SQL Database General Purpose vCore hour",
                                                    "0.5044",
                                                    "1 Hour",
                                                    "Hours"))),
                            new Service(
                                    "Bandwidth",
                                    "Networking",
                                    "/subscriptions/bandwidth/",
                                    List.of(
                                            new Sku(
                                                    "Standard Data Transfer Out",
                                                    "Data transfer out per GB",
                                                    "0.087",
                                                    "1 GB",
                                                    "GB")))),
                    List.of(
                            new Region("westeurope", "West Europe", 1),
                            new Region("eastus", "East US", -5)));

    static final Provider GOOGLE =
            new Provider(
                    "Google Cloud",
                    "Google",
                    List.of(
                            new Service(
                                    "Compute Engine",
                                    "Compute",
                                    "projects/instances/",
                                    List.of(
                                            new Sku(
                                                    "N2 Instance Core running",
                                                    "N2 Instance Core running in Americas per hour",
                                                    "0.031611",
                                                    "hour",
                                                    "Hours"))),
                            new Service(
                                    "BigQuery",
                                    "Analytics",
                                    "projects/bigquery/",
                                    List.of(
                                            new Sku(
                                                    "Analysis",
                                                    "Analysis (on-demand) per TiB scanned",
                                                    "6.25",
                                                    "tebibyte",
                                                    "TiB"))),
                            new Service(
                                    "Cloud Storage",
                                    "Storage",
                                    "projects/buckets/",
                                    List.of(
                                            new Sku(
                                                    "Standard Storage US Multi-region",
                                                    "Standard storage per GiB-hour",
                                                    "0.0000356",
                                                    "gibibyte hour",
                                                    "GiB-Hours")))),
                    List.of(
                            new Region("us-central1", "Iowa", -6),
                            new Region("europe-west4", "Netherlands", 1)));
}
