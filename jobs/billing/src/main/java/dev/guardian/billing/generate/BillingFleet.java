package dev.guardian.billing.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The billing accounts, sub accounts and workloads the generator bills: a function of the seed and
 * the number of billing accounts. Accounts cycle through AWS, AWS, Microsoft, AWS, Google Cloud;
 * each has two to four sub accounts shaped like real teams (web front ends that scale with the
 * afternoon, data platforms with nightly batches, ML notebooks that sleep at weekends, staging).
 * The first AWS account always has a web, a data and an ML sub account: the incidents hit it.
 */
public final class BillingFleet {

    private static final Provider[] PROVIDER_CYCLE = {
        Provider.AWS, Provider.AWS, Provider.MICROSOFT, Provider.AWS, Provider.GOOGLE
    };

    public final List<BillingAccount> accounts = new ArrayList<>();
    public final List<Workload> workloads = new ArrayList<>();
    private final Map<String, SubAccount> subAccounts = new LinkedHashMap<>();

    public BillingFleet(long seed, int accountCount) {
        if (accountCount < 1) {
            throw new IllegalArgumentException("at least one billing account, got " + accountCount);
        }
        Random random = new Random(seed);
        for (int a = 0; a < accountCount; a++) {
            Provider provider = PROVIDER_CYCLE[a % PROVIDER_CYCLE.length];
            double scale = a == 0 ? 1.0 : 0.4 + 1.4 * random.nextDouble();
            String id = accountId(provider, random);
            String name =
                    NAMES[a % NAMES.length]
                            + (a >= NAMES.length ? " " + (a / NAMES.length + 1) : "");
            boolean committed = provider == Provider.AWS;
            BillingAccount account =
                    new BillingAccount(
                            id,
                            name,
                            provider,
                            0,
                            provider == Provider.AWS && a % 2 == 1 ? 250 : 0);
            List<String> kinds = subAccountKinds(provider, a, random);
            List<Workload> accountWorkloads = new ArrayList<>();
            for (String kind : kinds) {
                SubAccount sub = subAccount(provider, kind, random);
                subAccounts.put(sub.id, sub);
                accountWorkloads.addAll(workloads(provider, account, sub, kind, scale, random));
            }
            if (committed) {
                // a Compute Savings Plan sized to cover about 70% of the committed share
                double covered = 0;
                for (Workload w : accountWorkloads) {
                    covered +=
                            w.committedShare
                                    * w.resources
                                    * w.quantityPerResource
                                    * w.sku.listUnitPrice.doubleValue()
                                    * 0.72;
                }
                account =
                        new BillingAccount(
                                id,
                                name,
                                provider,
                                Math.round(covered * 0.7 * 100) / 100.0,
                                account.monthlyCredit);
                List<Workload> rebound = new ArrayList<>();
                for (Workload w : accountWorkloads) {
                    rebound.add(rebind(w, account));
                }
                accountWorkloads = rebound;
            }
            accounts.add(account);
            workloads.addAll(accountWorkloads);
        }
    }

    private static final String[] NAMES = {
        "Acme Retail", "Acme Labs", "Acme Europe", "Acme Logistics", "Acme Search", "Acme Media"
    };

    private static String accountId(Provider provider, Random random) {
        if (provider == Provider.AWS) {
            return String.valueOf(
                    100_000_000_000L + (long) (random.nextDouble() * 899_999_999_999L));
        }
        if (provider == Provider.MICROSOFT) {
            return String.valueOf(1_000_000 + random.nextInt(8_999_999));
        }
        return String.format(
                "%06X-%06X-%06X",
                random.nextInt(0xFFFFFF), random.nextInt(0xFFFFFF), random.nextInt(0xFFFFFF));
    }

    private static List<String> subAccountKinds(Provider provider, int index, Random random) {
        if (index == 0) {
            return List.of("web", "data", "ml", "staging");
        }
        List<String> all = new ArrayList<>(List.of("web", "data", "ml", "staging"));
        java.util.Collections.shuffle(all, random);
        return all.subList(0, 2 + random.nextInt(2));
    }

    private static SubAccount subAccount(Provider provider, String kind, Random random) {
        String id =
                provider == Provider.AWS
                        ? String.valueOf(
                                100_000_000_000L + (long) (random.nextDouble() * 899_999_999_999L))
                        : provider == Provider.MICROSOFT
                                ? java.util
                                        .UUID
                                        .nameUUIDFromBytes(
                                                Long.toString(random.nextLong()).getBytes())
                                        .toString()
                                : kind + "-" + Integer.toHexString(random.nextInt(0xFFFFF));
        String team =
                switch (kind) {
                    case "web" -> "web";
                    case "data" -> "data";
                    case "ml" -> "ml";
                    default -> "platform";
                };
        return new SubAccount(
                id,
                kind + "-" + (kind.equals("staging") ? "staging" : "production"),
                team,
                kind.equals("staging") ? "staging" : "production");
    }

    private static List<Workload> workloads(
            Provider p,
            BillingAccount account,
            SubAccount sub,
            String kind,
            double scale,
            Random random) {
        List<Workload> out = new ArrayList<>();
        Provider.Region home = p.regions.get(random.nextInt(p.regions.size()));
        double growth = 0.0005 + 0.003 * random.nextDouble();
        if (p == Provider.AWS) {
            Provider.Service ec2 = p.service("Amazon Elastic Compute Cloud");
            switch (kind) {
                case "web" -> {
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "web-asg",
                                            ec2,
                                            "BoxUsage:c6i.4xlarge",
                                            home,
                                            "checkout")
                                    .resources(n(8, scale))
                                    .autoscaled(0.55, 0.75, 15)
                                    .growth(growth)
                                    .committed(0.5)
                                    .build());
                    out.add(
                            w(p, account, sub, "api", ec2, "BoxUsage:m5.xlarge", home, "api")
                                    .resources(n(4, scale))
                                    .fixed(1)
                                    .daily(0, 1)
                                    .growth(0)
                                    .committed(1)
                                    .build());
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "volumes",
                                            ec2,
                                            "EBS:VolumeUsage.gp3",
                                            home,
                                            "checkout")
                                    .resources(n(12, scale))
                                    .fixed(500)
                                    .daily(0, 1)
                                    .growth(growth / 3)
                                    .noise(0.002)
                                    .build());
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "cdn",
                                            p.service("Amazon CloudFront"),
                                            "DataTransfer-Out-Bytes-CF",
                                            home,
                                            "storefront")
                                    .resources(2)
                                    .fixed(60 * scale)
                                    .daily(0.6, 0.8)
                                    .growth(growth)
                                    .noise(0.08)
                                    .build());
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "nat",
                                            p.service("AWS Data Transfer"),
                                            "DataTransfer-Out-Bytes",
                                            home,
                                            "checkout")
                                    .resources(2)
                                    .fixed(40 * scale)
                                    .daily(0.5, 0.8)
                                    .growth(growth)
                                    .noise(0.07)
                                    .build());
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "functions",
                                            p.service("AWS Lambda"),
                                            "Lambda-GB-Second",
                                            home,
                                            "notifications")
                                    .resources(3)
                                    .fixed(150_000 * scale)
                                    .daily(0.6, 0.7)
                                    .growth(growth)
                                    .noise(0.1)
                                    .build());
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "sessions",
                                            p.service("Amazon DynamoDB"),
                                            "ReadRequestUnits",
                                            home,
                                            "checkout")
                                    .resources(2)
                                    .fixed(5_000_000 * scale)
                                    .daily(0.5, 0.8)
                                    .growth(growth)
                                    .noise(0.08)
                                    .build());
                }
                case "data" -> {
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "databases",
                                            p.service("Amazon Relational Database Service"),
                                            "InstanceUsage:db.r6g.xlarge",
                                            home,
                                            "orders-db")
                                    .resources(n(3, scale))
                                    .fixed(1)
                                    .daily(0, 1)
                                    .growth(0)
                                    .noise(0)
                                    .build());
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "lake",
                                            p.service("Amazon Simple Storage Service"),
                                            "TimedStorage-ByteHrs",
                                            home,
                                            "datalake")
                                    .resources(4)
                                    .fixed(40_000 * scale)
                                    .daily(0, 1)
                                    .growth(0.004)
                                    .noise(0.001)
                                    .build());
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "lake-requests",
                                            p.service("Amazon Simple Storage Service"),
                                            "Requests-Tier1",
                                            home,
                                            "datalake")
                                    .resources(4)
                                    .fixed(600_000 * scale)
                                    .daily(0.7, 1.0, 2)
                                    .growth(growth)
                                    .noise(0.1)
                                    .build());
                    out.add(
                            w(p, account, sub, "batch", ec2, "BoxUsage:r6g.2xlarge", home, "etl")
                                    .resources(n(6, scale))
                                    .autoscaled(0.8, 1.0, 2)
                                    .growth(growth)
                                    .committed(0.3)
                                    .build());
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "clusters",
                                            p.service("Amazon Elastic Kubernetes Service"),
                                            "AmazonEKS-Hours:perCluster",
                                            home,
                                            "platform")
                                    .resources(2)
                                    .fixed(1)
                                    .daily(0, 1)
                                    .growth(0)
                                    .noise(0)
                                    .build());
                }
                case "ml" -> {
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "notebooks",
                                            ec2,
                                            "BoxUsage:m5.xlarge",
                                            home,
                                            "research")
                                    .resources(n(6, scale))
                                    .autoscaled(0.6, 0.3, 14)
                                    .growth(growth)
                                    .build());
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "datasets",
                                            p.service("Amazon Simple Storage Service"),
                                            "TimedStorage-ByteHrs",
                                            home,
                                            "research")
                                    .resources(2)
                                    .fixed(20_000 * scale)
                                    .daily(0, 1)
                                    .growth(0.002)
                                    .noise(0.001)
                                    .build());
                }
                default -> {
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "staging",
                                            ec2,
                                            "BoxUsage:m5.xlarge",
                                            home,
                                            "staging")
                                    .resources(n(4, scale))
                                    .autoscaled(0.4, 0.5, 13)
                                    .growth(growth)
                                    .build());
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "staging-db",
                                            p.service("Amazon Relational Database Service"),
                                            "InstanceUsage:db.r6g.xlarge",
                                            home,
                                            "staging")
                                    .resources(1)
                                    .fixed(1)
                                    .daily(0, 1)
                                    .growth(0)
                                    .noise(0)
                                    .build());
                }
            }
        } else if (p == Provider.MICROSOFT) {
            switch (kind) {
                case "web", "staging" -> {
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "vmss",
                                            p.service("Virtual Machines"),
                                            "D4s v5",
                                            home,
                                            "portal")
                                    .resources(n(kind.equals("web") ? 10 : 3, scale))
                                    .autoscaled(0.5, 0.7, 15)
                                    .growth(growth)
                                    .build());
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "egress",
                                            p.service("Bandwidth"),
                                            "Standard Data Transfer Out",
                                            home,
                                            "portal")
                                    .resources(2)
                                    .fixed(30 * scale)
                                    .daily(0.5, 0.8)
                                    .growth(growth)
                                    .noise(0.08)
                                    .build());
                }
                default -> {
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "sql",
                                            p.service("Azure SQL Database"),
                                            "vCore General Purpose",
                                            home,
                                            "warehouse")
                                    .resources(n(4, scale))
                                    .fixed(4)
                                    .daily(0, 1)
                                    .growth(0)
                                    .noise(0)
                                    .build());
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "blobs",
                                            p.service("Storage"),
                                            "Hot LRS Data Stored",
                                            home,
                                            "warehouse")
                                    .resources(3)
                                    .fixed(30_000 * scale)
                                    .daily(0, 1)
                                    .growth(0.003)
                                    .noise(0.001)
                                    .build());
                }
            }
        } else {
            switch (kind) {
                case "web", "staging" ->
                        out.add(
                                w(
                                                p,
                                                account,
                                                sub,
                                                "gke-nodes",
                                                p.service("Compute Engine"),
                                                "N2 Instance Core running",
                                                home,
                                                "search")
                                        .resources(n(12, scale))
                                        .autoscaled(0.5, 0.75, 16)
                                        .quantity(16)
                                        .growth(growth)
                                        .build());
                default -> {
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "analysis",
                                            p.service("BigQuery"),
                                            "Analysis",
                                            home,
                                            "bi")
                                    .resources(1)
                                    .fixed(0.6 * scale)
                                    .daily(0.8, 0.4)
                                    .growth(growth)
                                    .noise(0.15)
                                    .build());
                    out.add(
                            w(
                                            p,
                                            account,
                                            sub,
                                            "buckets",
                                            p.service("Cloud Storage"),
                                            "Standard Storage US Multi-region",
                                            home,
                                            "bi")
                                    .resources(3)
                                    .fixed(25_000 * scale)
                                    .daily(0, 1)
                                    .growth(0.003)
                                    .noise(0.001)
                                    .build());
                }
            }
        }
        return out;
    }

    private static int n(int base, double scale) {
        return Math.max(1, (int) Math.round(base * scale));
    }

    private static Workload rebind(Workload w, BillingAccount account) {
        Workload.Builder b = Workload.builder();
        b.name = w.name;
        b.provider = w.provider;
        b.account = account;
        b.subAccount = w.subAccount;
        b.service = w.service;
        b.sku = w.sku;
        b.region = w.region;
        b.resourceType = w.resourceType;
        b.tags = w.tags;
        b.resources = w.resources;
        b.quantityPerResource = w.quantityPerResource;
        b.autoscaled = w.autoscaled;
        b.dailyAmplitude = w.dailyAmplitude;
        b.weekendFactor = w.weekendFactor;
        b.peakHour = w.peakHour;
        b.growthPerDay = w.growthPerDay;
        b.noise = w.noise;
        b.committedShare = w.committedShare;
        return b.build();
    }

    /** Fluent shorthand for the workload table above. */
    private static Shape w(
            Provider p,
            BillingAccount account,
            SubAccount sub,
            String name,
            Provider.Service service,
            String sku,
            Provider.Region region,
            String application) {
        Workload.Builder b = Workload.builder();
        b.name = sub.name + "/" + name;
        b.provider = p;
        b.account = account;
        b.subAccount = sub;
        b.service = service;
        b.sku = service.sku(sku);
        b.region = region;
        b.resourceType = service.category;
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", sub.team);
        tags.put("environment", sub.environment);
        tags.put("application", application);
        b.tags = tags;
        return new Shape(b);
    }

    private static final class Shape {
        final Workload.Builder b;

        Shape(Workload.Builder b) {
            this.b = b;
        }

        Shape resources(int n) {
            b.resources = n;
            return this;
        }

        Shape autoscaled(double amplitude, double weekend, int peak) {
            b.autoscaled = true;
            b.dailyAmplitude = amplitude;
            b.weekendFactor = weekend;
            b.peakHour = peak;
            b.noise = 0.04;
            return this;
        }

        Shape fixed(double quantityPerResource) {
            b.autoscaled = false;
            b.quantityPerResource = quantityPerResource;
            return this;
        }

        Shape quantity(double quantityPerResource) {
            b.quantityPerResource = quantityPerResource;
            return this;
        }

        Shape daily(double amplitude, double weekend) {
            return daily(amplitude, weekend, 15);
        }

        Shape daily(double amplitude, double weekend, int peak) {
            b.dailyAmplitude = amplitude;
            b.weekendFactor = weekend;
            b.peakHour = peak;
            return this;
        }

        Shape growth(double perDay) {
            b.growthPerDay = perDay;
            return this;
        }

        Shape noise(double sd) {
            b.noise = sd;
            return this;
        }

        Shape committed(double share) {
            b.committedShare = share;
            return this;
        }

        Workload build() {
            return b.build();
        }
    }

    /** The first workload of the first AWS account named {@code name} (e.g. web-asg). */
    public Workload target(String subAccountKind, String name) {
        for (Workload w : workloads) {
            if (w.account == accounts.get(0)
                    && w.name.equals(subAccountKind + "-production/" + name)) {
                return w;
            }
        }
        throw new IllegalStateException("the first account has no workload " + name);
    }

    public SubAccount subAccount(String id) {
        return subAccounts.get(id);
    }
}
