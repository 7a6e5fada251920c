package dev.guardian.billing.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code model.json} of a model version: how to rebuild, calibrate and judge the model. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class ModelMetadata {

    public String name = CostModelNetwork.NAME;
    public String version;
    public String createdAt;
    public String engine = "PyTorch";
    public String djlVersion = "0.35.1";
    public int inputs = CostModelFeatures.INPUTS;
    public int outputs = CostModelFeatures.OUTPUTS;
    public int hidden;
    public float[] quantiles = CostModelFeatures.QUANTILES;

    /** Conformal widening of the 80% / 95% intervals, in the features' scale. */
    public double conformal80;

    public double conformal95;

    /** Where the training data came from, windows, epochs, validation scores. */
    public Map<String, Object> training = new LinkedHashMap<>();
}
