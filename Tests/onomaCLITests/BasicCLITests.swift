import Testing

@Suite struct BasicCLITests {
    @Test func unknownFlagIsAUsageError() throws {
        let r = try CLIRunner.run(["--no-such-flag"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no-such-flag"))
        #expect(r.stdout.isEmpty)
    }

    @Test func helpExitsZero() throws {
        let r = try CLIRunner.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE"))
    }
}
