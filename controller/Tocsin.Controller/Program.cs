using Tocsin.Controller.Cli;

return await ControllerCli.RunAsync(args).ConfigureAwait(false);
