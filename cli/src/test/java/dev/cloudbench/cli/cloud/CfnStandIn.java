package dev.cloudbench.cli.cloud;

import dev.cloudbench.functions.aws.StandIn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * CloudFormation on the wire for DescribeStacks: the query protocol in (form-encoded), XML out and
 * errors as the CloudFormation API reference shows them.
 */
public final class CfnStandIn implements AutoCloseable {
    private static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    /** A stack as DescribeStacks shows it. */
    public record DeployedStack(String status, Map<String, String> outputs, Map<String, String> parameters) {
    }

    public final Map<String, DeployedStack> stacks = new ConcurrentHashMap<>();
    private final StandIn server = new StandIn(this::reply);

    public StandIn server() {
        return server;
    }

    public List<Map<String, String>> calls() {
        return server.requests().stream().map(StandIn.Request::form).toList();
    }

    private StandIn.Reply reply(StandIn.Request request) {
        Map<String, String> p = request.form();
        if (!"DescribeStacks".equals(p.get("Action"))) {
            return error(400, "InvalidAction", "Could not find operation " + p.get("Action"));
        }
        String name = p.get("StackName");
        DeployedStack stack = stacks.get(name);
        if (stack == null) {
            return error(400, "ValidationError", "Stack with id " + name + " does not exist");
        }
        String xml = "<DescribeStacksResponse xmlns=\"" + NS + "\"><DescribeStacksResult><Stacks><member>"
                + "<StackName>" + name + "</StackName><StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/"
                + name + "/1a2b3c4d</StackId><StackStatus>" + stack.status() + "</StackStatus>"
                + "<CreationTime>2026-01-01T00:00:00.000Z</CreationTime>"
                + "<Parameters>" + members(stack.parameters(), "ParameterKey", "ParameterValue") + "</Parameters>"
                + "<Outputs>" + members(stack.outputs(), "OutputKey", "OutputValue") + "</Outputs>"
                + "</member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>"
                + "b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata></DescribeStacksResponse>";
        return StandIn.Reply.of(200, "text/xml", xml);
    }

    private static String members(Map<String, String> entries, String key, String value) {
        return new LinkedHashMap<>(entries).entrySet().stream().map(e -> "<member><" + key + ">" + e.getKey() + "</"
                + key + "><" + value + ">" + e.getValue().replace("&", "&amp;") + "</" + value + "></member>")
                .collect(Collectors.joining());
    }

    private static StandIn.Reply error(int status, String code, String message) {
        return StandIn.Reply.of(status, "text/xml", "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type>"
                + "<Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                + "<RequestId>5ccc7dcd-744c-11e5-be70-example</RequestId></ErrorResponse>");
    }

    @Override
    public void close() {
        server.close();
    }
}
