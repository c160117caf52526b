package org.jadechain.core.state;

import java.nio.charset.StandardCharsets;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.crypto.CryptoSuite;

/**
 * The layout of state keys. A full key is {@code u8 n, n bytes namespace (UTF-8), key bytes}, so
 * each contract's keys live in its own namespace and can never collide with another's. A key belongs
 * to bucket {@code big-endian first two bytes of H(full key)}; see {@link StateTree}.
 */
public final class StateKeys {
    public static final int BUCKET_BITS = 16;
    public static final int BUCKETS = 1 << BUCKET_BITS;
    public static final int MAX_KEY_BYTES = 1024;
    public static final int MAX_VALUE_BYTES = 256 * 1024;

    private StateKeys() {
    }

    public static byte[] fullKey(String namespace, byte[] key) {
        byte[] ns = namespace.getBytes(StandardCharsets.UTF_8);
        if (ns.length == 0 || ns.length > Limits.MAX_NAME_BYTES) {
            throw new IllegalArgumentException("namespace must be 1.." + Limits.MAX_NAME_BYTES + " bytes: " + namespace);
        }
        if (key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("state key over " + MAX_KEY_BYTES + " bytes");
        }
        byte[] out = new byte[1 + ns.length + key.length];
        out[0] = (byte) ns.length;
        System.arraycopy(ns, 0, out, 1, ns.length);
        System.arraycopy(key, 0, out, 1 + ns.length, key.length);
        return out;
    }

    public static byte[] fullKey(String namespace, String key) {
        return fullKey(namespace, key.getBytes(StandardCharsets.UTF_8));
    }

    public static String namespaceOf(byte[] fullKey) {
        int n = fullKey[0] & 0xff;
        return new String(fullKey, 1, n, StandardCharsets.UTF_8);
    }

    public static byte[] localKeyOf(byte[] fullKey) {
        int n = fullKey[0] & 0xff;
        return java.util.Arrays.copyOfRange(fullKey, 1 + n, fullKey.length);
    }

    public static int bucketOf(CryptoSuite suite, byte[] fullKey) {
        byte[] h = suite.hash(fullKey).unsafeBytes();
        return ((h[0] & 0xff) << 8) | (h[1] & 0xff);
    }
}
