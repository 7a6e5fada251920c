package dev.guardian.billing.generate;

/** A FOCUS sub account: AWS member account, Azure subscription, GCP project. */
public final class SubAccount {
    public final String id;
    public final String name;
    public final String team;
    public final String environment;

    SubAccount(String id, String name, String team, String environment) {
        this.id = id;
        this.name = name;
        this.team = team;
        this.environment = environment;
    }
}
