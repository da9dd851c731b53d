using System.Reflection;
using NetArchTest.Rules;
using TestResult = NetArchTest.Rules.TestResult;

namespace OpenGms.Architecture.Tests;

/// <summary>The dependency rules of STYLE.md section 2, checked on the compiled assemblies.</summary>
public sealed class DependencyRuleTests
{
    private static readonly string[] s_frameworks =
    [
        "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Logging", "Npgsql", "DuckDB", "Microsoft.Data.Sqlite",
    ];

    /// <summary>Every module assembly (not Kernel, engine or hosts): OpenGms.*.dll beside the test binary.</summary>
    public static TheoryData<string> Modules()
    {
        var data = new TheoryData<string>();
        foreach (string name in ModuleNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Kernel_depends_on_no_framework_and_no_module()
    {
        TestResult result = Types.InAssembly(typeof(Kernel.IClock).Assembly)
            .ShouldNot().HaveDependencyOnAny([.. s_frameworks, "OpenGms.Genomics", "OpenGms.Web", "OpenGms.Cli", .. ModuleNames()])
            .GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Engine_depends_only_on_kernel()
    {
        Assembly? engine = TryLoad("OpenGms.Genomics");
        if (engine is null)
        {
            Assert.Skip("OpenGms.Genomics is not referenced by this test project yet.");
        }

        TestResult result = Types.InAssembly(engine)
            .ShouldNot().HaveDependencyOnAny([.. s_frameworks, "OpenGms.Web", "OpenGms.Cli", .. ModuleNames()])
            .GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Modules_use_each_other_only_through_contracts()
    {
        string[] modules = ModuleNames();
        Assert.True(modules.Length >= 2, "The module assemblies were not found beside the test binary: the rule would check nothing.");
        var failures = new List<string>();
        foreach (string module in modules)
        {
            Assembly assembly = Assembly.Load(module);
            foreach (string other in modules)
            {
                if (other == module)
                {
                    continue;
                }

                // Anything of the other module outside its Contracts namespace is off limits.
                TestResult result = Types.InAssembly(assembly)
                    .ShouldNot().HaveDependencyOnAny(
                        other + ".Domain", other + ".Application", other + ".Infrastructure")
                    .GetResult();
                if (!result.IsSuccessful)
                {
                    failures.Add($"{module} -> {other}: {Describe(result)}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Domain_and_application_expose_no_storage_types()
    {
        var failures = new List<string>();
        foreach (string module in ModuleNames())
        {
            Assembly assembly = Assembly.Load(module);
            TestResult result = Types.InAssembly(assembly)
                .That().ResideInNamespace(module + ".Domain").Or().ResideInNamespace(module + ".Application")
                .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Npgsql", "DuckDB", "Microsoft.Data.Sqlite")
                .GetResult();
            if (!result.IsSuccessful)
            {
                failures.Add($"{module}: {Describe(result)}");
            }
        }

        Assert.Empty(failures);
    }

    private static string[] ModuleNames()
    {
        string[] notModules = ["OpenGms.Kernel", "OpenGms.Persistence", "OpenGms.Genomics", "OpenGms.Web", "OpenGms.Cli", "OpenGms.Testing"];
        return System.IO.Directory.GetFiles(AppContext.BaseDirectory, "OpenGms.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(n => !notModules.Contains(n) && !n.EndsWith(".Tests", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private static Assembly? TryLoad(string name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static string Describe(TestResult result) =>
        result.IsSuccessful ? "ok" : "offending types: " + string.Join(", ", result.FailingTypeNames ?? []);
}
