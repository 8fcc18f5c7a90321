package dev.cloudbench.functions.aws;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * EC2 on the wire: the query protocol in (form-encoded {@code Action=...}), XML out, shaped like the
 * examples of the EC2 API reference. Tests script it — instance types, subnets, which market and
 * zone lack capacity, instances that already exist — and then read the requests that arrived.
 */
public final class Ec2StandIn implements AutoCloseable {
    private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

    /** An instance type: architectures, cores and threads per core. */
    record Type(List<String> architectures, int cores, int threadsPerCore, List<String> zones) {
    }

    /** An image the account owns. */
    record Ami(String id, String architecture, String state, String creationDate, Map<String, String> tags) {
    }

    /** An instance the stand-in knows. */
    public record Instance(String id, String type, String state, String reasonCode, String reasonMessage, String lifecycle,
                    String zone, String imageId, Map<String, String> tags) {
    }

    final Map<String, Type> types = new HashMap<>(Map.of(
            "c7g.large", new Type(List.of("arm64"), 2, 1, List.of("us-east-1a", "us-east-1b")),
            "c7i.large", new Type(List.of("x86_64"), 1, 2, List.of("us-east-1a", "us-east-1b"))));
    final Map<String, String> subnets = new LinkedHashMap<>(Map.of("subnet-a", "us-east-1a", "subnet-b", "us-east-1b"));
    /** "market/zone" (market spot or on-demand) to the error code RunInstances answers there. */
    final Map<String, String> launchErrors = new HashMap<>();
    /** Errors answered once, before the normal answer, per action (e.g. throttling). */
    final Map<String, Deque<String>> errorsOnce = new HashMap<>();
    public final List<Instance> instances = new ArrayList<>();
    /** Images the account owns, for DescribeImages with Owner self. */
    final List<Ami> amis = new ArrayList<>();
    /** Page size of DescribeInstances with filters. */
    int describePageSize = 1000;
    String spotPrice = "0.029600";

    private final AtomicInteger ids = new AtomicInteger();
    private final StandIn server = new StandIn(this::reply);

    public StandIn server() {
        return server;
    }

    /** Form parameters of every request with this action, in order. */
    public List<Map<String, String>> calls(String action) {
        return server.requests().stream().map(StandIn.Request::form)
                .filter(f -> action.equals(f.get("Action"))).toList();
    }

    public void failOnce(String action, String code) {
        errorsOnce.computeIfAbsent(action, a -> new ArrayDeque<>()).add(code);
    }

    private StandIn.Reply reply(StandIn.Request request) {
        Map<String, String> p = request.form();
        String action = p.get("Action");
        Deque<String> once = errorsOnce.get(action);
        if (once != null && !once.isEmpty()) {
            return error(once.poll(), "injected by the test");
        }
        return switch (action) {
            case "DescribeInstanceTypes" -> describeInstanceTypes(p);
            case "DescribeSubnets" -> ok(action, "<subnetSet>" + subnets.entrySet().stream()
                    // By id, or the default VPC's default subnets (all of this stand-in's) for default-for-az.
                    .filter(s -> values(p, "SubnetId").contains(s.getKey())
                            || "default-for-az".equals(p.get("Filter.1.Name")) && "true".equals(p.get("Filter.1.Value.1")))
                    .map(s -> "<item><subnetId>" + s.getKey() + "</subnetId><availabilityZone>" + s.getValue()
                            + "</availabilityZone><state>available</state><vpcId>vpc-1</vpcId></item>")
                    .collect(Collectors.joining()) + "</subnetSet>");
            case "DescribeInstanceTypeOfferings" -> describeOfferings(p);
            case "DescribeImages" -> p.containsKey("Owner.1") ? ownImages(p) : ok(action, "<imagesSet><item><imageId>" + p.getOrDefault("ImageId.1", "ami-0abc")
                    + "</imageId><imageState>available</imageState><architecture>x86_64</architecture>"
                    + "<rootDeviceName>/dev/xvda</rootDeviceName><rootDeviceType>ebs</rootDeviceType>"
                    + "<blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><snapshotId>snap-1"
                    + "</snapshotId><volumeSize>8</volumeSize><deleteOnTermination>true</deleteOnTermination>"
                    + "<volumeType>gp3</volumeType><encrypted>false</encrypted></ebs></item></blockDeviceMapping>"
                    + "</item></imagesSet>");
            case "DescribeInstances" -> describeInstances(p);
            case "RunInstances" -> runInstances(p);
            case "DescribeSpotPriceHistory" -> ok(action, "<spotPriceHistorySet><item><instanceType>"
                    + p.get("InstanceType.1") + "</instanceType><productDescription>Linux/UNIX</productDescription>"
                    + "<spotPrice>" + spotPrice + "</spotPrice><timestamp>2026-01-01T00:00:00.000Z</timestamp>"
                    + "<availabilityZone>" + p.get("AvailabilityZone") + "</availabilityZone></item>"
                    + "</spotPriceHistorySet><nextToken/>");
            case "TerminateInstances" -> terminate(p);
            default -> error("InvalidAction", "The action " + action + " is not valid for this web service.");
        };
    }

    private StandIn.Reply ownImages(Map<String, String> p) {
        List<String> ids = values(p, "ImageId");
        String items = amis.stream().filter(a -> ids.isEmpty() || ids.contains(a.id())).filter(a -> {
            for (int f = 1; p.containsKey("Filter." + f + ".Name"); f++) {
                String name = p.get("Filter." + f + ".Name");
                String actual = name.equals("state") ? a.state() : name.equals("architecture") ? a.architecture()
                        : name.startsWith("tag:") ? a.tags().get(name.substring(4)) : null;
                if (!values(p, "Filter." + f + ".Value").contains(actual)) {
                    return false;
                }
            }
            return true;
        }).map(a -> "<item><imageId>" + a.id() + "</imageId><imageState>" + a.state() + "</imageState><architecture>"
                + a.architecture() + "</architecture><creationDate>" + a.creationDate() + "</creationDate>"
                + "<imageOwnerId>123456789012</imageOwnerId><rootDeviceName>/dev/xvda</rootDeviceName></item>")
                .collect(Collectors.joining());
        return ok("DescribeImages", "<imagesSet>" + items + "</imagesSet>");
    }

    private StandIn.Reply describeInstanceTypes(Map<String, String> p) {
        StringBuilder items = new StringBuilder();
        // By name (an unknown one fails the call, as in EC2), or by the instance-type filter (unknown ones are absent).
        boolean byFilter = "instance-type".equals(p.get("Filter.1.Name"));
        for (String name : byFilter ? values(p, "Filter.1.Value") : values(p, "InstanceType")) {
            Type t = types.get(name);
            if (t == null && byFilter) {
                continue;
            }
            if (t == null) {
                return error("InvalidInstanceType", "The following supplied instance types do not exist: [" + name + "]");
            }
            items.append("<item><instanceType>").append(name).append("</instanceType><processorInfo>"
                            + "<supportedArchitectures>")
                    .append(t.architectures().stream().map(a -> "<item>" + a + "</item>").collect(Collectors.joining()))
                    .append("</supportedArchitectures></processorInfo><vCpuInfo><defaultVCpus>")
                    .append(t.cores() * t.threadsPerCore()).append("</defaultVCpus><defaultCores>").append(t.cores())
                    .append("</defaultCores><defaultThreadsPerCore>").append(t.threadsPerCore())
                    .append("</defaultThreadsPerCore></vCpuInfo><supportedUsageClasses><item>on-demand</item>"
                            + "<item>spot</item></supportedUsageClasses></item>");
        }
        return ok("DescribeInstanceTypes", "<instanceTypeSet>" + items + "</instanceTypeSet>");
    }

    private StandIn.Reply describeOfferings(Map<String, String> p) {
        String items = values(p, "Filter.1.Value").stream().filter(types::containsKey)
                .flatMap(type -> types.get(type).zones().stream().map(z -> "<item><instanceType>" + type
                        + "</instanceType><locationType>availability-zone</locationType><location>" + z
                        + "</location></item>"))
                .collect(Collectors.joining());
        return ok("DescribeInstanceTypeOfferings", "<instanceTypeOfferingSet>" + items + "</instanceTypeOfferingSet>");
    }

    private StandIn.Reply describeInstances(Map<String, String> p) {
        List<String> wanted = values(p, "InstanceId");
        List<Instance> found;
        if (!wanted.isEmpty()) {
            found = instances.stream().filter(i -> wanted.contains(i.id())).toList();
            if (found.isEmpty()) {
                return error("InvalidInstanceID.NotFound", "The instance ID '" + wanted.get(0) + "' does not exist");
            }
        } else {
            found = instances.stream().filter(i -> matches(i, p)).toList();
        }
        int start = p.containsKey("NextToken") ? Integer.parseInt(p.get("NextToken")) : 0;
        int end = Math.min(found.size(), start + describePageSize);
        String items = found.subList(start, end).stream()
                .map(i -> "<item><reservationId>r-" + i.id() + "</reservationId><ownerId>123456789012</ownerId>"
                        + "<groupSet/><instancesSet>" + instanceXml(i) + "</instancesSet></item>")
                .collect(Collectors.joining());
        return ok("DescribeInstances", "<reservationSet>" + items + "</reservationSet>"
                + (end < found.size() ? "<nextToken>" + end + "</nextToken>" : ""));
    }

    /** Filters as EC2 applies them: every filter must match, any of its values. */
    private static boolean matches(Instance instance, Map<String, String> p) {
        for (int f = 1; p.containsKey("Filter." + f + ".Name"); f++) {
            String name = p.get("Filter." + f + ".Name");
            List<String> accepted = values(p, "Filter." + f + ".Value");
            String actual = name.equals("instance-state-name") ? instance.state()
                    : name.startsWith("tag:") ? instance.tags().get(name.substring(4)) : null;
            if (!accepted.contains(actual)) {
                return false;
            }
        }
        return true;
    }

    private StandIn.Reply runInstances(Map<String, String> p) {
        String market = "spot".equals(p.get("InstanceMarketOptions.MarketType")) ? "spot" : "on-demand";
        String zone = subnets.get(p.get("SubnetId"));
        String code = launchErrors.get(market + "/" + zone);
        if (code != null) {
            return error(code, "We currently do not have sufficient " + p.get("InstanceType") + " capacity in the "
                    + "Availability Zone you requested (" + zone + ").");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (int t = 1; p.containsKey("TagSpecification.1.Tag." + t + ".Key"); t++) {
            tags.put(p.get("TagSpecification.1.Tag." + t + ".Key"), p.get("TagSpecification.1.Tag." + t + ".Value"));
        }
        Instance started = new Instance("i-0" + String.format("%016x", ids.incrementAndGet()), p.get("InstanceType"),
                "pending", null, null, market.equals("spot") ? "spot" : null, zone, p.get("ImageId"), tags);
        instances.add(started);
        return ok("RunInstances", "<reservationId>r-1</reservationId><ownerId>123456789012</ownerId><groupSet/>"
                + "<instancesSet>" + instanceXml(started) + "</instancesSet>");
    }

    private StandIn.Reply terminate(Map<String, String> p) {
        List<String> ids = values(p, "InstanceId");
        for (String id : ids) {
            if (instances.stream().noneMatch(i -> i.id().equals(id))) {
                return error("InvalidInstanceID.NotFound", "The instance ID '" + id + "' does not exist");
            }
        }
        // As in EC2: terminated instances are shutting down from now on (no longer live to filters).
        instances.replaceAll(i -> ids.contains(i.id()) && !i.state().equals("terminated") ? new Instance(i.id(), i.type(),
                "shutting-down", i.reasonCode(), i.reasonMessage(), i.lifecycle(), i.zone(), i.imageId(), i.tags()) : i);
        String items = ids.stream().map(id -> "<item><instanceId>" + id + "</instanceId><currentState><code>32</code>"
                + "<name>shutting-down</name></currentState><previousState><code>16</code><name>running</name>"
                + "</previousState></item>").collect(Collectors.joining());
        return ok("TerminateInstances", "<instancesSet>" + items + "</instancesSet>");
    }

    private String instanceXml(Instance i) {
        Type type = types.get(i.type());
        return "<item><instanceId>" + i.id() + "</instanceId><imageId>" + i.imageId() + "</imageId>"
                + (type == null ? "" : "<cpuOptions><coreCount>" + type.cores() + "</coreCount><threadsPerCore>"
                        + type.threadsPerCore() + "</threadsPerCore></cpuOptions>")
                + "<instanceState><code>0</code><name>" + i.state() + "</name></instanceState>"
                + "<instanceType>" + i.type() + "</instanceType><launchTime>2026-01-01T00:00:00.000Z</launchTime>"
                + "<placement><availabilityZone>" + i.zone() + "</availabilityZone><tenancy>default</tenancy>"
                + "</placement>"
                + (i.lifecycle() == null ? "" : "<instanceLifecycle>" + i.lifecycle() + "</instanceLifecycle>")
                + (i.reasonCode() == null ? "" : "<stateReason><code>" + i.reasonCode() + "</code><message>"
                        + i.reasonMessage() + "</message></stateReason>")
                + "<tagSet>" + i.tags().entrySet().stream().map(t -> "<item><key>" + t.getKey() + "</key><value>"
                        + t.getValue() + "</value></item>").collect(Collectors.joining()) + "</tagSet></item>";
    }

    /** Values of a list parameter: {@code NAME.1}, {@code NAME.2}, ... */
    static List<String> values(Map<String, String> p, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 1; p.containsKey(name + "." + i); i++) {
            values.add(p.get(name + "." + i));
        }
        return values;
    }

    private static StandIn.Reply ok(String action, String content) {
        return StandIn.Reply.of(200, "text/xml;charset=UTF-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<"
                + action + "Response xmlns=\"" + NS + "\"><requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>"
                + content + "</" + action + "Response>");
    }

    /** EC2's error envelope; capacity and throttling errors are server-side (5xx) as EC2 sends them. */
    static StandIn.Reply error(String code, String message) {
        int status = AwsClients.CAPACITY_CODES.contains(code) || code.equals("Unavailable") ? 500
                : code.equals("RequestLimitExceeded") ? 503 : 400;
        return StandIn.Reply.of(status, "text/xml;charset=UTF-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Response><Errors><Error><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                + "</Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>");
    }

    @Override
    public void close() {
        server.close();
    }
}
