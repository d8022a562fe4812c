"""Exercise figures drawn as SVG line art from the pose data: shapes (body, props, working
muscles, arrows), the SVG writer, alt text in words, and the review sheet. The body itself (the
skeleton) is part of the model, because loading checks poses against it too."""
