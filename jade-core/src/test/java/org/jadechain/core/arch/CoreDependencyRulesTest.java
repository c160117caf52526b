package org.jadechain.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.charset.Charset;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Random;

/**
 * The deterministic core (STYLE.md principles 2 and 6): no infrastructure libraries, no clock, no
 * randomness of its own, no I/O or threads outside the crypto package, and no default charset.
 */
@AnalyzeClasses(packages = "org.jadechain.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreDependencyRulesTest {
    private static final String CRYPTO = "org.jadechain.core.crypto..";

    @ArchTest
    static final ArchRule coreUsesNoConsensusStorageJsonOrHttpLibrary = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.ratis..", "org.rocksdb..", "com.fasterxml.jackson..", "io.javalin..",
                    "org.eclipse.jetty..", "java.net.http..", "javax.servlet..", "jakarta.servlet..")
            .because("jade-core is the deterministic core; adapters live in other modules");

    @ArchTest
    static final ArchRule onlyTheBlockHeaderTellsTheTime = noClasses()
            .that().resideOutsideOfPackage(CRYPTO)
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(Instant.class, "now")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
            .because("time comes from the block header, set by the proposer and checked by validators");

    /** A JDK source of randomness; a super(...) call from our own deterministic subclass is not one. */
    private static final DescribedPredicate<JavaConstructorCall> CONSTRUCTS_A_JDK_RANDOM =
            new DescribedPredicate<>("constructs java.util.Random or a JDK subclass (SecureRandom, ...)") {
                @Override
                public boolean test(JavaConstructorCall call) {
                    JavaClass target = call.getTargetOwner();
                    if (!target.isAssignableTo(Random.class) || !target.getPackageName().startsWith("java")) {
                        return false;
                    }
                    JavaClass origin = call.getOriginOwner();
                    boolean superCall = call.getOrigin().isConstructor()
                            && origin.getRawSuperclass().map(s -> s.equals(target)).orElse(false);
                    return !superCall;
                }
            };

    @ArchTest
    static final ArchRule noClassMakesItsOwnRandomness = noClasses()
            .should().callConstructorWhere(CONSTRUCTS_A_JDK_RANDOM)
            .orShould().callMethod(SecureRandom.class, "getInstance", String.class)
            .orShould().callMethod(SecureRandom.class, "getInstanceStrong")
            .orShould().callMethod(Math.class, "random")
            .orShould().callMethod(java.util.UUID.class, "randomUUID")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.SplittableRandom")
            .because("execution must be a function of the block; key generation takes its SecureRandom as a parameter");

    @ArchTest
    static final ArchRule noFilesNetworkOrThreadsOutsideCrypto = noClasses()
            .that().resideOutsideOfPackage(CRYPTO)
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..", "java.nio.channels..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Timer")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ExecutorService")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ForkJoinPool")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.CompletableFuture")
            .because("the core does no I/O and starts no threads (keys are written as PEM by crypto.Pem)");

    private static final DescribedPredicate<JavaCall<?>> USES_THE_DEFAULT_CHARSET =
            new DescribedPredicate<>("encodes or decodes text with the platform's default charset") {
                @Override
                public boolean test(JavaCall<?> call) {
                    if (!call.getTargetOwner().isEquivalentTo(String.class)) {
                        return false;
                    }
                    var params = call.getTarget().getRawParameterTypes();
                    boolean bytesIn = !params.isEmpty() && params.get(0).isEquivalentTo(byte[].class);
                    boolean hasCharset = params.stream().anyMatch(p -> p.isEquivalentTo(Charset.class)
                            || p.isEquivalentTo(String.class));
                    if (call.getName().equals("getBytes")) {
                        return params.isEmpty();
                    }
                    return call.getName().equals("<init>") && bytesIn && !hasCharset;
                }
            };

    @ArchTest
    static final ArchRule textIsAlwaysEncodedWithAnExplicitCharset = noClasses()
            .should().callCodeUnitWhere(USES_THE_DEFAULT_CHARSET)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectOutputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
            .because("canonical bytes: no default charset, no Java serialization");
}
