console.log("${{ values.name }} is up");
