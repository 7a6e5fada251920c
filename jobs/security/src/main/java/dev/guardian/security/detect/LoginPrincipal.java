package dev.guardian.security.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.schemas.SecurityEvent;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import java.io.IOException;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The principal of a console login, the same for failures and successes: CloudTrail often leaves
 * {@code userIdentity.arn} out of a failed login but keeps the account and user name, so the key is
 * {@code account:user} (the user taken from the ARN when the name is missing; {@code root} for the
 * root user).
 */
public final class LoginPrincipal implements KeySelector<SecurityEvent, String> {

    private static final long serialVersionUID = 1L;

    public static boolean isConsoleLogin(SecurityEvent e) {
        return "ConsoleLogin".equals(e.getOperation());
    }

    @Override
    public String getKey(SecurityEvent e) {
        JsonNode identity;
        try {
            identity = CloudTrailRecords.json().readTree(e.getOriginalJson()).path("userIdentity");
        } catch (IOException ex) {
            return String.valueOf(e.getAccountId()) + ":" + e.getActor();
        }
        String account = identity.path("accountId").asText(String.valueOf(e.getAccountId()));
        String user = identity.path("userName").asText("");
        String arn = identity.path("arn").asText("");
        if ("Root".equals(identity.path("type").asText())) {
            user = "root";
        } else if (user.isEmpty() && !arn.isEmpty()) {
            user = arn.substring(arn.lastIndexOf('/') + 1);
        }
        if (user.isEmpty()) {
            user = String.valueOf(e.getActor());
        }
        return account + ":" + user;
    }
}
