namespace Enterprise.Application.SampleModule;

/// <summary>The scopes SampleModule's use cases ask for; the API's policies use the same names.</summary>
public static class SampleModulePermissions
{
    /// <summary>Granted to clients that may create, replace and delete SampleModule's data.</summary>
    public const string WriteScope = "samplemodule:write";
}
