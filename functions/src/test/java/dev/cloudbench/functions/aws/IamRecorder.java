package dev.cloudbench.functions.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/**
 * Records, per function, every AWS operation its SDK clients send — through an execution
 * interceptor, so nothing an adapter does escapes it — as the IAM action that authorizes it, with
 * the resources IAM scopes by where the request names them (S3 key prefixes, SSM documents).
 */
final class IamRecorder {
    /** One operation sent by one function's client of one service. */
    record Call(String function, AwsPorts.Service service, String operation, String action, String resource) {
    }

    private final List<Call> calls = new ArrayList<>();

    /** An interceptor for the client of {@code service} built for {@code function}. */
    ExecutionInterceptor interceptor(String function, AwsPorts.Service service) {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
                record(new Call(function, service, operation, action(service, operation),
                        resource(context.request())));
            }
        };
    }

    private synchronized void record(Call call) {
        calls.add(call);
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The IAM actions each function's operations need, sorted. */
    synchronized Map<String, Set<String>> actions() {
        Map<String, Set<String>> out = new TreeMap<>();
        calls.forEach(c -> out.computeIfAbsent(c.function(), f -> new TreeSet<>()).add(c.action()));
        return out;
    }

    /** Per function and action, the resources named by the requests (only where IAM scopes by them). */
    synchronized Map<String, Map<String, Set<String>>> resources() {
        Map<String, Map<String, Set<String>>> out = new TreeMap<>();
        calls.stream().filter(c -> c.resource() != null).forEach(c -> out.computeIfAbsent(c.function(),
                f -> new TreeMap<>()).computeIfAbsent(c.action(), a -> new TreeSet<>()).add(c.resource()));
        return out;
    }

    /**
     * The IAM action of an SDK operation. EC2, SSM, CodeBuild and Step Functions name their
     * actions after their operations; S3's differ ("Actions, resources, and condition keys for
     * Amazon S3" in the Service Authorization Reference).
     *
     * @throws IllegalStateException for an S3 operation without a known mapping: add it here
     */
    static String action(AwsPorts.Service service, String operation) {
        return switch (service) {
            case EC2 -> "ec2:" + operation;
            case SSM -> "ssm:" + operation;
            case CODEBUILD -> "codebuild:" + operation;
            case SFN -> "states:" + operation;
            case SERVICEQUOTAS -> "servicequotas:" + operation;
            case S3 -> "s3:" + switch (operation) {
                case "GetObject", "HeadObject" -> "GetObject";
                case "PutObject" -> "PutObject";
                case "ListObjectsV2", "ListObjects" -> "ListBucket";
                default -> throw new IllegalStateException("no IAM action known for S3 " + operation
                        + ": add it to IamRecorder.action");
            };
        };
    }

    /**
     * What IAM scopes a request by, when the request alone names it: an S3 key's top-level prefix
     * ({@code runs/*}) — the prefix listed, for a listing — and an SSM command's document.
     */
    static String resource(SdkRequest request) {
        if (request instanceof GetObjectRequest r) {
            return prefix(r.key());
        }
        if (request instanceof HeadObjectRequest r) {
            return prefix(r.key());
        }
        if (request instanceof PutObjectRequest r) {
            return prefix(r.key());
        }
        if (request instanceof ListObjectsV2Request r) {
            return prefix(r.prefix() == null ? "" : r.prefix());
        }
        if (request instanceof SendCommandRequest r) {
            return "document/" + r.documentName();
        }
        return null;
    }

    private static String prefix(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? "*" : key.substring(0, slash + 1) + "*";
    }
}
