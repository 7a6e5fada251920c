package dev.guardian.billing.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/** The cost model: a two-layer perceptron from {@link CostModelFeatures} to quantiles. */
public final class CostModelNetwork {

    public static final String NAME = "cost-mlp";

    private CostModelNetwork() {}

    public static Block build(int hidden) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(CostModelFeatures.OUTPUTS).build());
    }
}
