using System;
using System.Collections.Generic;
using HuaweiCloud.DataArtsFabric;
using Xunit;

namespace GeneratedClients.Tests;

/// <summary>
/// Validating a valid value allocates nothing, also where the JIT has not optimized the validator by its profile: the
/// first calls of a method run unoptimized code, as every call does on .NET Framework or with tiered compilation off.
/// </summary>
public sealed class ValidationAllocationTests
{
    [Fact]
    public void A_valid_map_member_is_validated_without_allocating()
    {
        var value = new ServeRuntimeEnv
        {
            EnvVars = new Dictionary<string, string>(StringComparer.Ordinal) { ["MODE"] = "serve", ["LEVEL"] = "info" },
        };

        // The first call rents the thread's validation context and creates the validator's cached delegate.
        Assert.Empty(value.Validate());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var errors = value.Validate();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Empty(errors);
        Assert.Equal(0, allocated);
    }
}
