package infra;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/**
 * The jobs table, as {@code jobs/JobStore} uses it: per job one header item ({@code sk=JOB}) and one item
 * per image ({@code sk=IMAGE#nnnn}) under {@code pk}; a sparse index of the header items by owner, newest
 * first, for {@code GET /v1/jobs}; and {@code expiresAt} (epoch seconds) as the TTL of short-lived items
 * such as per-owner rate-limit counters.
 */
public final class JobsTable extends Construct {

    public static final String OWNER_INDEX = "owner-createdAt";

    private final Table table;

    public JobsTable(Construct scope, String id, StackSettings settings) {
        super(scope, id);
        table = Table.Builder.create(this, "Table")
                .tableName(settings.jobsTableName())
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("sk").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .timeToLiveAttribute("expiresAt")
                .encryption(TableEncryption.DEFAULT)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(OWNER_INDEX)
                .partitionKey(Attribute.builder().name("owner").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("createdAt").type(AttributeType.STRING).build())
                .projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes(List.of("status", "imageCount", "updatedAt"))
                .build());
    }

    public Table table() {
        return table;
    }
}
