using Microsoft.VisualStudio.TestTools.UnitTesting;

// Two cores shared with other work: test classes side by side, methods within a class in order.
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.ClassLevel)]
