Console.Error.WriteLine("onebot-bridge: not written yet.");
return 1;
