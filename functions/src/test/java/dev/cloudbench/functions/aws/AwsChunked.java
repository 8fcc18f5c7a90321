package dev.cloudbench.functions.aws;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Decodes an {@code aws-chunked} request body (S3 puts with trailing checksums) to its payload. */
final class AwsChunked {
    private AwsChunked() {
    }

    static byte[] decode(String contentEncoding, byte[] body) {
        if (contentEncoding == null || !contentEncoding.contains("aws-chunked")) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < body.length) {
            int lineEnd = indexOfCrlf(body, pos);
            String header = new String(body, pos, lineEnd - pos, StandardCharsets.US_ASCII);
            int semicolon = header.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).strip(), 16);
            pos = lineEnd + 2;
            if (size == 0) {
                break; // trailers follow
            }
            out.write(body, pos, size);
            pos += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("malformed aws-chunked body");
    }
}
