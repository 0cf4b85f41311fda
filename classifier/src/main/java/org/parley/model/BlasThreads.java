package org.parley.model;

import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * OpenBLAS's own threads, shared by the whole process (ND4J's products and the plain-Java
 * forward passes' products alike). A server whose request threads already keep the cores busy
 * runs it single-threaded: OpenBLAS's pool spins while it waits and fights those threads for the
 * cores. Code that cuts its products so they stay on the calling thread anyway (the span tagger's
 * convolutions) need not cut them then, and larger products run faster.
 */
public final class BlasThreads {
    /** OpenBLAS runs a product on the calling thread when M * N * K is at most this (SMP_THRESHOLD_MIN * GEMM_MULTITHREAD_THRESHOLD). */
    private static final int SINGLE_THREAD_MNK = 65536 * openblas_nolapack.OPENBLAS_GEMM_MULTITHREAD_THRESHOLD;

    private BlasThreads() {}

    /** Every product from now on runs on its calling thread. */
    public static void useOne() {
        use(1);
    }

    public static void use(int threads) {
        openblas_nolapack.blas_set_num_threads(threads);
    }

    /** OpenBLAS's threads now. */
    public static int count() {
        return openblas_nolapack.blas_get_num_threads();
    }

    /** Most rows of an [rows × k] · [k × n] product that stay on the calling thread; all of them when OpenBLAS has one thread. */
    public static int rowsOnCallingThread(int rows, int k, int n) {
        return count() == 1 ? rows : rowsUnderThreshold(k, n);
    }

    /** Most rows of a [rows × k] · [k × n] product that OpenBLAS keeps on the calling thread whatever its thread count. */
    public static int rowsUnderThreshold(int k, int n) {
        return Math.max(1, SINGLE_THREAD_MNK / (k * n));
    }
}
