Console.Error.WriteLine("The standalone simulator is not written yet.");
return 1;
