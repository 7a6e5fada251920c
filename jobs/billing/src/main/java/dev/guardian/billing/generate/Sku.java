package dev.guardian.billing.generate;

import java.math.BigDecimal;

/** A priced unit of a service: what one line of usage is billed as. */
public final class Sku {

    public final String id;
    public final String description;
    public final BigDecimal listUnitPrice;
    public final String pricingUnit;
    public final String consumedUnit;

    public Sku(
            String id,
            String description,
            String listUnitPrice,
            String pricingUnit,
            String consumedUnit) {
        this.id = id;
        this.description = description;
        this.listUnitPrice = new BigDecimal(listUnitPrice);
        this.pricingUnit = pricingUnit;
        this.consumedUnit = consumedUnit;
    }
}
