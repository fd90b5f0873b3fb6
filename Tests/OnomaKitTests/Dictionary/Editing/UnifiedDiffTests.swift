import Testing
@testable import OnomaKit

@Suite struct UnifiedDiffTests {
    @Test func matchesDiffU() {
        let old = (1...12).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 2\n", with: "line 2\nadded\n").replacingOccurrences(of: "line 11\n", with: "")
        // The same output as `diff -u old new` (GNU diffutils), headers aside.
        #expect(UnifiedDiff.make(old: Array(old.utf8), new: Array(new.utf8), oldName: "a", newName: "b") == """
        --- a
        +++ b
        @@ -1,5 +1,6 @@
         line 1
         line 2
        +added
         line 3
         line 4
         line 5
        @@ -8,5 +9,4 @@
         line 8
         line 9
         line 10
        -line 11
         line 12

        """)
        #expect(UnifiedDiff.make(old: Array(old.utf8), new: Array(old.utf8), oldName: "a", newName: "b") == "")
    }
}
