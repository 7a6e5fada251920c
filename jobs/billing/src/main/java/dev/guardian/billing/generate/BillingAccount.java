package dev.guardian.billing.generate;

/** A FOCUS billing account (payer) of one provider. */
public final class BillingAccount {
    public final String id;
    public final String name;
    public final Provider provider;

    /** Savings plan / reservation spend per hour; 0 when the account has none. */
    public final double commitmentPerHour;

    /** Promotional credit granted on the first hour of each month; 0 for none. */
    public final double monthlyCredit;

    BillingAccount(
            String id,
            String name,
            Provider provider,
            double commitmentPerHour,
            double monthlyCredit) {
        this.id = id;
        this.name = name;
        this.provider = provider;
        this.commitmentPerHour = commitmentPerHour;
        this.monthlyCredit = monthlyCredit;
    }
}
