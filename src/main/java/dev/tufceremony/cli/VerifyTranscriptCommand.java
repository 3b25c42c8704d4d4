package dev.tufceremony.cli;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.ceremony.Transcript;
import dev.tufceremony.ceremony.TranscriptVerification;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code verify-transcript FILE [--root root.json]}: the hash chain and the root key's signature. */
@Command(name = "verify-transcript", mixinStandardHelpOptions = true,
        description = "Check a ceremony transcript: its line hash chain and its signature (FILE.sig) by a root key.")
public final class VerifyTranscriptCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The transcript (.transcript.txt).")
    Path file;

    @Option(names = "--root", paramLabel = "ROOT_JSON",
            description = "The root metadata whose root keys must have signed it (default: the root version the transcript names, beside it).")
    Path root;

    @Option(names = "--signature", paramLabel = "SIG", description = "The detached signature (default: FILE.sig).")
    Path signature;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path sig = signature != null ? signature : file.resolveSibling(file.getFileName() + ".sig");
        Path rootJson = root != null ? root : findRoot();
        TranscriptVerification v = Transcript.verify(file, sig, rootJson);
        if (v.ok()) {
            out.printf("transcript %s: %d lines, hash chain intact, signed by root key(s) %s of %s%n", file, v.lines(),
                    String.join(", ", v.signedBy()), rootJson);
            out.flush();
            return 0;
        }
        for (String p : v.problems()) {
            err.println("error: " + p);
        }
        err.flush();
        return 1;
    }

    /** Export layout: {@code <repo>/ceremony/FILE} and {@code <repo>/metadata/N.root.json}; drive layout: {@code <repo>/root.json}. */
    private Path findRoot() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CeremonyError("The transcript file " + file + " could not be read; check the path.");
        }
        Path repoDir = file.toAbsolutePath().getParent().getParent();
        List<Path> candidates = new ArrayList<>();
        Transcript.field(bytes, "root-version").ifPresent(v -> {
            candidates.add(repoDir.resolve("metadata").resolve(v + ".root.json"));
            candidates.add(repoDir.resolve(v + ".root.json"));
        });
        candidates.add(repoDir.resolve("root.json"));
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        throw new CeremonyError("No root metadata was found beside the transcript " + file
                + "; give the root.json the ceremony produced with --root.");
    }
}
